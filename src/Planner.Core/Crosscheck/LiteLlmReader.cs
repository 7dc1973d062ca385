using System.Text.Json;
using Planner.Core.Catalog;

namespace Planner.Core.Crosscheck;

/// <summary>Reads LiteLLM's model_prices_and_context_window.json: an object keyed by model name, each entry
/// with per-token USD floats (input_cost_per_token, ...), max_input_tokens and max_output_tokens.</summary>
/// <remarks>Entries are read when a Planner model looks them up, so an odd entry for some other provider's
/// model never stops the check; an entry that is looked up and is malformed is an error naming its path.</remarks>
public static class LiteLlmReader
{
    private const decimal TokensPerMillion = 1_000_000m;

    /// <summary>Each meter's per-token price field in LiteLLM's format (null: not represented).</summary>
    public static string? Field(Meter meter) => meter switch
    {
        Meter.TextInput => "input_cost_per_token",
        Meter.CachedTextInput => "cache_read_input_token_cost",
        Meter.AudioInput => "input_cost_per_audio_token",
        Meter.CachedAudioInput => "cache_read_input_audio_token_cost",
        Meter.ImageInput => "input_cost_per_image_token",
        Meter.CachedImageInput => "cache_read_input_image_token_cost",
        Meter.TextOutput => "output_cost_per_token",
        Meter.AudioOutput => "output_cost_per_audio_token",
        _ => null,
    };

    /// <summary>Reads the file.</summary>
    /// <exception cref="PlannerException">Missing, not JSON, or its root is not an object.</exception>
    public static ReferenceCatalog Read(string file)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        var root = ReferenceJson.Load(file);
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw ReferenceJson.Fail(file, "$: must be an object keyed by model name (LiteLLM's model_prices_and_context_window.json)");
        }

        int represented = 0;
        foreach (var meter in MeterTable.Meters)
        {
            represented |= Field(meter) is null ? 0 : 1 << (int)meter;
        }

        return new ReferenceCatalog(ReferenceSource.LiteLlm, file, represented, id => Find(root, file, id));
    }

    private static ReferenceModel? Find(JsonElement root, string file, string id)
    {
        foreach (string key in (ReadOnlySpan<string>)[id, "openai/" + id])
        {
            if (root.TryGetProperty(key, out var entry))
            {
                return Entry(key, entry, file);
            }
        }

        return null;
    }

    private static ReferenceModel Entry(string key, JsonElement entry, string file)
    {
        string path = ReferenceJson.Key("$", key);
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw ReferenceJson.Fail(file, $"{path}: must be an object");
        }

        var prices = default(MeterValues<decimal?>);
        foreach (var meter in MeterTable.Meters)
        {
            if (Field(meter) is { } field && ReferenceJson.Number(entry, field, file, path) is { } perToken)
            {
                prices[meter] = perToken * TokensPerMillion;
            }
        }

        return new ReferenceModel(key, path, prices,
            ReferenceJson.Count(entry, "max_input_tokens", file, path),
            ReferenceJson.Count(entry, "max_output_tokens", file, path));
    }
}
