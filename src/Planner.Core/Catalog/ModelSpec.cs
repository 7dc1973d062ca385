using Planner.Core.Units;

namespace Planner.Core.Catalog;

/// <summary>Everything the catalog knows about one model.</summary>
public sealed record ModelSpec
{
    /// <summary>The canonical id, e.g. "gpt-audio-mini".</summary>
    public required string Id { get; init; }

    public required string DisplayName { get; init; }
    public string Description { get; init; } = "";

    /// <summary>Other names that resolve to this model (not dated snapshots).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public IReadOnlyList<Snapshot> Snapshots { get; init; } = [];

    /// <summary>Price sets in ascending order of <see cref="PriceSet.EffectiveFrom"/>; never empty.</summary>
    public required IReadOnlyList<PriceSet> Prices { get; init; }

    /// <summary>Input + output may not exceed this (128,000 for these models).</summary>
    public required TokenCount ContextWindow { get; init; }

    /// <summary>One response's output may not exceed this (16,384 for these models).</summary>
    public required TokenCount MaxOutputTokens { get; init; }

    public required Source LimitsSource { get; init; }

    /// <summary>Usage tiers in order, Free first.</summary>
    public required IReadOnlyList<UsageTier> Tiers { get; init; }

    /// <summary>Audio-to-token rates particular to this model, or null to use the catalog's.</summary>
    public AudioTokenRates? AudioTokenRates { get; init; }

    /// <summary>Where the knowledge cutoff, lifecycle dates, modalities, endpoints and features come from;
    /// prices, limits, tiers and rates carry their own. Always set by the catalog loader; the default value is null.</summary>
    public Source? Source { get; init; }

    public DateOnly? KnowledgeCutoff { get; init; }

    /// <summary>The API this model serves. The default value is Chat Completions.</summary>
    public ModelApi Api { get; init; } = ModelApi.ChatCompletions;

    /// <summary>The day the model became available, or null when unknown.</summary>
    public DateOnly? Released { get; init; }

    /// <summary>The day OpenAI announced the shutdown (the deprecation notice), or null.</summary>
    public DateOnly? Deprecated { get; init; }

    /// <summary>The first day requests fail, or null when none is announced.</summary>
    public DateOnly? Shutdown { get; init; }

    /// <summary>The model OpenAI recommends instead, or null.</summary>
    public string? Replacement { get; init; }

    /// <summary>Modality name to support ("input_output", "input", "output", "not_supported").</summary>
    public IReadOnlyDictionary<string, string> Modalities { get; init; } = new Dictionary<string, string>();

    /// <summary>Endpoint path to whether it is supported.</summary>
    public IReadOnlyDictionary<string, bool> Endpoints { get; init; } = new Dictionary<string, bool>();

    /// <summary>Feature name to whether it is supported.</summary>
    public IReadOnlyDictionary<string, bool> Features { get; init; } = new Dictionary<string, bool>();

    /// <summary>The tier with this name ("1", "tier-1", "Tier 1", "free"), or null.</summary>
    public UsageTier? FindTier(string name)
    {
        string key = NormalizeTier(name);
        foreach (var tier in Tiers)
        {
            if (tier.Name == key)
            {
                return tier;
            }
        }

        return null;
    }

    internal static string NormalizeTier(string name)
    {
        string key = name.Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return key.StartsWith("tier", StringComparison.Ordinal) ? key[4..] : key;
    }
}
