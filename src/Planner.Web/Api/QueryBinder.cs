using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Planner.Contract;

namespace Planner.Web.Api;

/// <summary>Binds a contract query (<c>CostQuery</c>...) from a query string or a flat JSON object by its fields'
/// snake_case names, the same names as the record's JSON and the web form's inputs. A value of the wrong type is a
/// <see cref="FieldError"/> of that field; every problem is reported at once.</summary>
public static class QueryBinder
{
    /// <summary>The bindable fields of <typeparamref name="T"/>: wire name, property.</summary>
    public static IReadOnlyList<(string Name, PropertyInfo Property)> Fields<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>() => FieldCache<T>.Fields;

    /// <summary>A query from text values by name (a query string, or a JSON object's members as text).</summary>
    public static (T Query, IReadOnlyList<FieldError> Errors) Bind<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(Func<string, string?> value, bool rejectUnknown = false, IEnumerable<string>? given = null)
        where T : new()
    {
        ArgumentNullException.ThrowIfNull(value);
        var query = new T();
        var errors = new List<FieldError>();
        foreach (var (name, property) in FieldCache<T>.Fields)
        {
            if (value(name) is not { } text || text.Length == 0)
            {
                continue;
            }

            if (TryConvert(text, property.PropertyType, out object? converted))
            {
                property.SetValue(query, converted);
            }
            else
            {
                errors.Add(new FieldError(name, $"{name} must be {Describe(property.PropertyType)}, got '{Shorten(text)}'"));
            }
        }

        if (rejectUnknown && given is not null)
        {
            errors.AddRange(Unknown<T>(given));
        }

        return (query, errors);
    }

    /// <summary>An error for each name in <paramref name="given"/> that is not a field of <typeparamref name="T"/> (nor one of
    /// <paramref name="allowed"/>, e.g. an upload's file parts), naming the field it most resembles.</summary>
    public static IReadOnlyList<FieldError> Unknown<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(IEnumerable<string> given, params string[] allowed)
    {
        ArgumentNullException.ThrowIfNull(given);
        return
        [
            .. given.Distinct(StringComparer.Ordinal).Where(n => !FieldCache<T>.Names.Contains(n) && !allowed.Contains(n, StringComparer.Ordinal))
                .Select(n => new FieldError(n, UnknownMessage(n, [.. FieldCache<T>.Fields.Select(f => f.Name), .. allowed]))),
        ];
    }

    /// <summary>An error for each name in <paramref name="given"/> that is not in <paramref name="known"/> (a page's fields).</summary>
    public static IReadOnlyList<FieldError> Unknown(IEnumerable<string> given, IReadOnlyList<string> known)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(known);
        return [.. given.Distinct(StringComparer.Ordinal).Where(n => !known.Contains(n, StringComparer.Ordinal)).Select(n => new FieldError(n, UnknownMessage(n, known)))];
    }

    /// <summary>"unknown field 'requets' (did you mean 'requests'?); the fields are ...".</summary>
    public static string UnknownMessage(string name, IReadOnlyList<string> known)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(known);
        string? near = known.Select(k => (Name: k, Distance: Distance(name.ToLowerInvariant(), k)))
            .Where(k => k.Distance <= Math.Max(1, k.Name.Length / 3)).OrderBy(k => k.Distance).Select(k => k.Name).FirstOrDefault();
        string hint = near is null ? "" : $" (did you mean '{near}'?)";
        return $"unknown field '{Shorten(name)}'{hint}; the fields are {string.Join(", ", known)}";
    }

    /// <summary>Every problem at once: the parse errors, then the validation errors of the fields that did parse (a field
    /// that failed to parse is left at its default, so its validation error would only repeat the problem).</summary>
    public static IReadOnlyList<FieldError> WithValidation(IReadOnlyList<FieldError> parse, Func<IReadOnlyList<FieldError>> validate)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(validate);
        var failed = parse.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        return [.. parse, .. validate().Where(e => !failed.Contains(e.Field))];
    }

    /// <summary>The Levenshtein distance of two short names.</summary>
    private static int Distance(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>A query from a query string.</summary>
    public static (T Query, IReadOnlyList<FieldError> Errors) FromQuery<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(IQueryCollection query, bool rejectUnknown = false) where T : new()
    {
        ArgumentNullException.ThrowIfNull(query);
        return Bind<T>(name => query.TryGetValue(name, out var v) ? v.ToString().Trim() : null, rejectUnknown, query.Keys);
    }

    /// <summary>A query from a JSON object of the same field names (numbers, strings, booleans, nulls).</summary>
    public static async Task<(T Query, IReadOnlyList<FieldError> Errors)> FromJsonAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(HttpRequest request, CancellationToken cancellation) where T : new()
    {
        ArgumentNullException.ThrowIfNull(request);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, cancellation).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return (new T(), [new FieldError("", $"the body must be a JSON object of the request's fields: {e.Message}")]);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (new T(), [new FieldError("", "the body must be a JSON object of the request's fields")]);
            }

            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var member in document.RootElement.EnumerateObject())
            {
                values[member.Name] = member.Value.ValueKind switch
                {
                    JsonValueKind.String => member.Value.GetString(),
                    JsonValueKind.Null => null,
                    JsonValueKind.Array => string.Join(',', member.Value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())),
                    _ => member.Value.GetRawText(),
                };
            }

            return Bind<T>(name => values.GetValueOrDefault(name), rejectUnknown: true, values.Keys);
        }
    }

    private static bool TryConvert(string text, Type type, out object? value)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        value = null;
        if (target == typeof(string))
        {
            value = text;
            return true;
        }

        if (target == typeof(long) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l))
        {
            value = l;
            return true;
        }

        if (target == typeof(int) && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int i))
        {
            value = i;
            return true;
        }

        if (target == typeof(decimal) && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out decimal d))
        {
            value = d;
            return true;
        }

        if (target == typeof(double) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && double.IsFinite(x))
        {
            value = x;
            return true;
        }

        if (target == typeof(bool) && bool.TryParse(text, out bool b))
        {
            value = b;
            return true;
        }

        if (target == typeof(IReadOnlyList<string>))
        {
            value = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return true;
        }

        return false;
    }

    private static string Describe(Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target == typeof(long) || target == typeof(int) ? "a whole number"
            : target == typeof(decimal) || target == typeof(double) ? "a number"
            : target == typeof(bool) ? "true or false"
            : "text";
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";

    /// <summary>The snake_case name of a property: TextIn -> text_in, AudioInSeconds -> audio_in_seconds.</summary>
    public static string WireName(PropertyInfo property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name
            ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);
    }

    /// <summary>Read once per query type; the annotation keeps <typeparamref name="T"/>'s public properties in a trimmed
    /// (Native AOT) build, and flows to every public method that takes a query type.</summary>
    private static class FieldCache<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>
    {
        public static readonly IReadOnlyList<(string Name, PropertyInfo Property)> Fields =
        [
            .. typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0 && IsBindable(p.PropertyType))
                .Select(p => (WireName(p), p)),
        ];

        public static readonly HashSet<string> Names = [.. Fields.Select(f => f.Name)];

        private static bool IsBindable(Type type)
        {
            var target = Nullable.GetUnderlyingType(type) ?? type;
            return target == typeof(string) || target == typeof(long) || target == typeof(int) || target == typeof(decimal) || target == typeof(double)
                || target == typeof(bool) || target == typeof(IReadOnlyList<string>);
        }
    }
}
