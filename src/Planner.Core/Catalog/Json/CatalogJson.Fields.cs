using System.Globalization;
using System.Text.Json;
using Planner.Core.Units;

namespace Planner.Core.Catalog.Json;

public static partial class CatalogJson
{
    private sealed partial class Reader
    {
        private Source? RequiredSource(JsonElement owner, string path) => RequiredSourceAt(owner, path, "source");

        private Source? RequiredSourceAt(JsonElement owner, string path, string name)
        {
            if (Required(owner, path, name, JsonValueKind.Object) is not { } s)
            {
                return null;
            }

            string sp = $"{path}.{name}";
            Known(s, sp, "url", "assumption", "note");
            string? url = RequiredString(s, sp, "url");
            if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                Error($"{sp}.url", $"must be an absolute URL, got \"{url}\"");
                return null;
            }

            bool assumption = s.TryGetProperty("assumption", out var a) && a.ValueKind == JsonValueKind.True;
            if (s.TryGetProperty("assumption", out a) && a.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                Error($"{sp}.assumption", "must be true or false");
            }

            string? note = OptionalString(s, sp, "note");
            return url is null ? null : new Source(url, assumption, note);
        }

        private JsonElement? Required(JsonElement owner, string path, string name, JsonValueKind kind)
        {
            string p = Join(path, name);
            if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                Error(p, "is required");
                return null;
            }

            if (value.ValueKind != kind)
            {
                Error(p, $"must be {Article(kind)}, got {Describe(value)}");
                return null;
            }

            return value;
        }

        private string? RequiredString(JsonElement owner, string path, string name)
        {
            if (Required(owner, path, name, JsonValueKind.String) is not { } v)
            {
                return null;
            }

            string s = v.GetString()!;
            if (s.Length == 0)
            {
                Error(Join(path, name), "must not be empty");
                return null;
            }

            return s;
        }


        /// <summary>An optional string field: absent is fine, any other JSON type is an error.</summary>
        private string? OptionalString(JsonElement owner, string path, string name)
        {
            if (!owner.TryGetProperty(name, out var v))
            {
                return null;
            }

            if (v.ValueKind != JsonValueKind.String)
            {
                Error(Join(path, name), $"must be a string, got {Describe(v)}");
                return null;
            }

            return v.GetString();
        }

        /// <summary>Reports every object, at any depth, that names a property twice: JSON parsers keep
        /// one of the two silently (System.Text.Json the last), so the file would not mean what it reads.</summary>
        private void DuplicateNames(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var p in element.EnumerateObject())
                {
                    if (!seen.Add(p.Name))
                    {
                        Error(Join(path, p.Name), "appears twice in the same object; JSON keeps only one of the two, so remove the other");
                    }

                    DuplicateNames(p.Value, Join(path, p.Name));
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                int i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    DuplicateNames(item, $"{path}[{i++}]");
                }
            }
        }

        private bool? RequiredBool(JsonElement owner, string path, string name)
        {
            if (!owner.TryGetProperty(name, out var v))
            {
                Error(Join(path, name), "is required");
                return null;
            }

            if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return v.GetBoolean();
            }

            Error(Join(path, name), $"must be true or false, got {Describe(v)}");
            return null;
        }

        /// <summary>A required number, read from its text: one a decimal cannot hold exactly (more digits than it
        /// has, a fraction that would round to 0, a fraction on a whole number) is refused with <paramref name="rule"/>
        /// (what the field allows), never rounded into a figure nobody wrote.</summary>
        private decimal? RequiredNumber(JsonElement owner, string path, string name, string rule)
        {
            if (Required(owner, path, name, JsonValueKind.Number) is not { } v)
            {
                return null;
            }

            string raw = v.GetRawText();
            if (!JsonNumberText.TryParseExact(raw, out decimal value, out bool tooLarge))
            {
                Error(Join(path, name), tooLarge
                    ? $"must be a number within the range of a decimal, got {InputText.Shorten(raw)}"
                    : $"{rule}, got {InputText.Shorten(raw)}");
                return null;
            }

            return value;
        }

        private decimal? NonNegativeNumber(JsonElement owner, string path, string name)
        {
            var value = RequiredNumber(owner, path, name, $"must have at most {JsonNumberText.MaxScale} decimal places");
            if (value < 0)
            {
                Error(Join(path, name), $"must be >= 0, got {value.Value.ToString(CultureInfo.InvariantCulture)}");
                return null;
            }

            return value;
        }

        private const decimal MaxWholeNumber = 1_000_000_000_000m;

        private const string WholeNumberRule = "must be a whole number from 1 to 1,000,000,000,000";

        private long? PositiveInt(JsonElement owner, string path, string name)
        {
            if (RequiredNumber(owner, path, name, WholeNumberRule) is not { } value)
            {
                return null;
            }

            // A bound far above any real cap or limit (tier 5 TPM is 30,000,000), so that capacity and
            // simulation arithmetic on it can never overflow.
            if (value != decimal.Truncate(value) || value < 1 || value > MaxWholeNumber)
            {
                Error(Join(path, name), $"{WholeNumberRule}, got {value.ToString(CultureInfo.InvariantCulture)}");
                return null;
            }

            return (long)value;
        }

        private DateOnly? RequiredDate(JsonElement owner, string path, string name)
        {
            if (RequiredString(owner, path, name) is not { } s)
            {
                return null;
            }

            if (!DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Error(Join(path, name), $"must be a date as YYYY-MM-DD, got \"{s}\"");
                return null;
            }

            return date;
        }

        private DateOnly? OptionalDate(JsonElement owner, string path, string name) =>
            owner.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? RequiredDate(owner, path, name) : null;

        private Dictionary<string, string> StringMap(JsonElement owner, string path, string name)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!owner.TryGetProperty(name, out var map))
            {
                return result;
            }

            if (map.ValueKind != JsonValueKind.Object)
            {
                Error(Join(path, name), "must be an object");
                return result;
            }

            foreach (var p in map.EnumerateObject())
            {
                string? value = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null;
                if (value is not ("input_output" or "input" or "output" or "not_supported"))
                {
                    Error($"{path}.{name}.{p.Name}", $"must be \"input_output\", \"input\", \"output\" or \"not_supported\", got {p.Value.GetRawText()}");
                    continue;
                }

                result[p.Name] = value;
            }

            return result;
        }

        private Dictionary<string, bool> BoolMap(JsonElement owner, string path, string name)
        {
            var result = new Dictionary<string, bool>(StringComparer.Ordinal);
            if (!owner.TryGetProperty(name, out var map))
            {
                return result;
            }

            if (map.ValueKind != JsonValueKind.Object)
            {
                Error(Join(path, name), "must be an object");
                return result;
            }

            foreach (var p in map.EnumerateObject())
            {
                if (p.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    Error($"{path}.{name}.{p.Name}", $"must be true or false, got {p.Value.GetRawText()}");
                    continue;
                }

                result[p.Name] = p.Value.GetBoolean();
            }

            return result;
        }

        private void Known(JsonElement owner, string path, params string[] names)
        {
            foreach (var p in owner.EnumerateObject())
            {
                if (Array.IndexOf(names, p.Name) < 0)
                {
                    Error(Join(path, p.Name), $"unknown field (expected one of: {string.Join(", ", names)})");
                }
            }
        }


        private static string? Str(JsonElement owner, string name) =>
            owner.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private static bool IsValidId(string id) =>
            id.Length > 0 && char.IsAsciiLetterLower(id[0]) | char.IsAsciiDigit(id[0]) &&
            id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-');

        private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

        private static string Article(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            _ => kind.ToString().ToLowerInvariant(),
        };

        private static string Describe(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => $"the string {value.GetRawText()}",
            _ => value.GetRawText(),
        };

        private void Error(string path, string message) => Errors.Add(new CatalogError(path, message));
    }
}
