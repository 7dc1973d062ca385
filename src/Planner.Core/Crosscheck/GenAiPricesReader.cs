using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Planner.Core.Catalog;

namespace Planner.Core.Crosscheck;

/// <summary>Reads pydantic genai-prices' prices/data.json: an array of providers, each with models that
/// carry a match rule (equals, starts_with, ends_with, contains, regex, or, and), a context_window and
/// prices per 1M tokens (input_mtok, cache_read_mtok, output_mtok, input_audio_mtok, cache_audio_read_mtok,
/// output_audio_mtok), either one set or a list of sets with dated constraints.</summary>
/// <remarks>Only the "openai" provider is read. A model is found as genai-prices finds it: the first model
/// whose match rule accepts the id, after a model whose own id is the id. Of dated prices, the last set
/// whose start_date is on or before the day compared applies, else the set without a constraint; a tiered
/// price ({base, tiers}) compares its base. genai-prices has no image meters.</remarks>
public static class GenAiPricesReader
{
    /// <summary>The provider whose models are read.</summary>
    public const string Provider = "openai";

    /// <summary>Each meter's per-1M price field in genai-prices' format (null: not represented).</summary>
    public static string? Field(Meter meter) => meter switch
    {
        Meter.TextInput => "input_mtok",
        Meter.CachedTextInput => "cache_read_mtok",
        Meter.AudioInput => "input_audio_mtok",
        Meter.CachedAudioInput => "cache_audio_read_mtok",
        Meter.TextOutput => "output_mtok",
        Meter.AudioOutput => "output_audio_mtok",
        _ => null,
    };

    /// <summary>Reads the file, choosing the prices in effect on <paramref name="at"/>.</summary>
    /// <exception cref="PlannerException">Missing, not JSON, not an array of providers, or without an openai provider.</exception>
    public static ReferenceCatalog Read(string file, DateOnly at)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        if (file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
        {
            throw ReferenceJson.Fail(file, "genai-prices' YAML provider files are not read; give its built prices/data.json");
        }

        var root = ReferenceJson.Load(file);
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw ReferenceJson.Fail(file, "$: must be an array of providers (genai-prices' prices/data.json)");
        }

        int index = 0;
        foreach (var provider in root.EnumerateArray())
        {
            if (provider.ValueKind == JsonValueKind.Object && provider.TryGetProperty("id", out var id) &&
                id.ValueKind == JsonValueKind.String && id.GetString() == Provider)
            {
                var models = ReadModels(provider, $"$[{index}]", file, at);
                int represented = 0;
                foreach (var meter in MeterTable.Meters)
                {
                    represented |= Field(meter) is null ? 0 : 1 << (int)meter;
                }

                return new ReferenceCatalog(ReferenceSource.GenAiPrices, file, represented, name => Find(models, name));
            }

            index++;
        }

        throw ReferenceJson.Fail(file, $"$: lists no provider with id \"{Provider}\"");
    }

    private static ReferenceModel? Find(List<(ReferenceModel Model, Func<string, bool> Match)> models, string id)
    {
        foreach (var (model, _) in models)
        {
            if (string.Equals(model.Id, id, StringComparison.OrdinalIgnoreCase))
            {
                return model;
            }
        }

        foreach (var (model, match) in models)
        {
            if (match(id))
            {
                return model;
            }
        }

        return null;
    }

    private static List<(ReferenceModel, Func<string, bool>)> ReadModels(JsonElement provider, string path, string file, DateOnly at)
    {
        if (!provider.TryGetProperty("models", out var models) || models.ValueKind != JsonValueKind.Array)
        {
            throw ReferenceJson.Fail(file, $"{path}.models: must be an array");
        }

        var result = new List<(ReferenceModel, Func<string, bool>)>();
        int i = 0;
        foreach (var model in models.EnumerateArray())
        {
            string at_ = $"{path}.models[{i++}]";
            if (model.ValueKind != JsonValueKind.Object || !model.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
            {
                throw ReferenceJson.Fail(file, $"{at_}: must be an object with a string id");
            }

            var match = model.TryGetProperty("match", out var m) ? Match(m, $"{at_}.match", file) : (_ => false);
            if (!model.TryGetProperty("prices", out var prices))
            {
                throw ReferenceJson.Fail(file, $"{at_}.prices: is required");
            }

            var (set, setPath) = PricesAt(prices, $"{at_}.prices", file, at);
            var values = default(MeterValues<decimal?>);
            foreach (var meter in MeterTable.Meters)
            {
                if (Field(meter) is { } field && set is { } s)
                {
                    values[meter] = Price(s, field, setPath, file);
                }
            }

            result.Add((new ReferenceModel(id.GetString()!, at_, values, ReferenceJson.Count(model, "context_window", file, at_), null), match));
        }

        return result;
    }

    /// <summary>The price set in effect on <paramref name="at"/>: one object, or the last dated set on or before it, else the undated one.</summary>
    private static (JsonElement? Set, string Path) PricesAt(JsonElement prices, string path, string file, DateOnly at)
    {
        if (prices.ValueKind == JsonValueKind.Object)
        {
            return (prices, path);
        }

        if (prices.ValueKind != JsonValueKind.Array)
        {
            throw ReferenceJson.Fail(file, $"{path}: must be an object or an array of conditional prices");
        }

        (JsonElement? Set, string Path) chosen = (null, path);
        (JsonElement? Set, string Path) undated = (null, path);
        int i = 0;
        foreach (var conditional in prices.EnumerateArray())
        {
            string p = $"{path}[{i++}]";
            if (conditional.ValueKind != JsonValueKind.Object || !conditional.TryGetProperty("prices", out var set) || set.ValueKind != JsonValueKind.Object)
            {
                throw ReferenceJson.Fail(file, $"{p}: must be an object with prices");
            }

            if (!conditional.TryGetProperty("constraint", out var constraint) || constraint.ValueKind == JsonValueKind.Null)
            {
                undated = (set, p + ".prices");
                continue;
            }

            if (constraint.TryGetProperty("start_date", out var start))
            {
                if (start.ValueKind != JsonValueKind.String ||
                    !DateOnly.TryParseExact(start.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
                {
                    throw ReferenceJson.Fail(file, $"{p}.constraint.start_date: must be a date (yyyy-MM-dd), got {start.GetRawText()}");
                }

                if (from <= at)
                {
                    chosen = (set, p + ".prices");
                }
            }

            // A time-of-day constraint (off-peak prices) is not a list price: skipped.
        }

        return chosen.Set is not null ? chosen : undated;
    }

    private static decimal? Price(JsonElement set, string field, string path, string file)
    {
        if (set.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Object)
        {
            // Tiered: {"base": 5, "tiers": [...]}; the base applies below the first tier.
            return ReferenceJson.Number(value, "base", file, $"{path}.{field}") ?? throw ReferenceJson.Fail(file, $"{path}.{field}.base: is required");
        }

        return ReferenceJson.Number(set, field, file, path);
    }

    private static Func<string, bool> Match(JsonElement clause, string path, string file)
    {
        if (clause.ValueKind != JsonValueKind.Object)
        {
            throw ReferenceJson.Fail(file, $"{path}: must be an object");
        }

        foreach (var property in clause.EnumerateObject())
        {
            var v = property.Value;
            string p = ReferenceJson.Key(path, property.Name);
            switch (property.Name)
            {
                case "equals":
                    string equals = Text(v, p, file);
                    return id => string.Equals(id, equals, StringComparison.OrdinalIgnoreCase);
                case "starts_with":
                    string starts = Text(v, p, file);
                    return id => id.StartsWith(starts, StringComparison.OrdinalIgnoreCase);
                case "ends_with":
                    string ends = Text(v, p, file);
                    return id => id.EndsWith(ends, StringComparison.OrdinalIgnoreCase);
                case "contains":
                    string contains = Text(v, p, file);
                    return id => id.Contains(contains, StringComparison.OrdinalIgnoreCase);
                case "regex":
                    Regex regex;
                    try
                    {
                        regex = new Regex(Text(v, p, file), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                    }
                    catch (ArgumentException e)
                    {
                        throw ReferenceJson.Fail(file, $"{p}: not a regular expression: {e.Message}");
                    }

                    return id => regex.IsMatch(id);
                case "or":
                case "and":
                    if (v.ValueKind != JsonValueKind.Array)
                    {
                        throw ReferenceJson.Fail(file, $"{p}: must be an array");
                    }

                    var parts = v.EnumerateArray().Select((c, k) => Match(c, $"{p}[{k}]", file)).ToArray();
                    return property.Name == "or" ? id => parts.Any(f => f(id)) : id => parts.All(f => f(id));
                default:
                    throw ReferenceJson.Fail(file, $"{p}: unknown match clause (known: equals, starts_with, ends_with, contains, regex, or, and)");
            }
        }

        throw ReferenceJson.Fail(file, $"{path}: is empty");
    }

    private static string Text(JsonElement value, string path, string file) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw ReferenceJson.Fail(file, $"{path}: must be a string");
}
