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

    /// <summary>The model's rate limits under each tier scheme, oldest scheme first; each ladder lowest tier first.</summary>
    public IReadOnlyList<TierLadder> TierLadders { get; init; } = [];

    /// <summary>The ladder of the latest scheme the model has limits for (the one forecasts use), or null.</summary>
    public TierLadder? Ladder => TierLadders.Count > 0 ? TierLadders[^1] : null;

    /// <summary>The tiers of <see cref="Ladder"/>, lowest first, or none.</summary>
    public IReadOnlyList<UsageTier> Tiers => Ladder is { } ladder ? ladder : [];

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

    /// <summary>The day the replacement was observed on OpenAI's deprecations page (OpenAI rewrites that column), or null.</summary>
    public DateOnly? ReplacementObserved { get; init; }

    /// <summary>Where the release, deprecation, shutdown and replacement come from, or null when none is recorded.</summary>
    public Source? LifecycleSource { get; init; }

    /// <summary>Price changes of <see cref="Prices"/> whose exact day is unknown.</summary>
    public IReadOnlyList<PriceChangeWindow> PriceChangeWindows { get; init; } = [];

    /// <summary>Modality name to support ("input_output", "input", "output", "not_supported").</summary>
    public IReadOnlyDictionary<string, string> Modalities { get; init; } = new Dictionary<string, string>();

    /// <summary>Endpoint path to whether it is supported.</summary>
    public IReadOnlyDictionary<string, bool> Endpoints { get; init; } = new Dictionary<string, bool>();

    /// <summary>Feature name to whether it is supported.</summary>
    public IReadOnlyDictionary<string, bool> Features { get; init; } = new Dictionary<string, bool>();

    /// <summary>The model's ladder under <paramref name="scheme"/>, or null when no limits are recorded for it.</summary>
    public TierLadder? LadderFor(TierScheme scheme)
    {
        foreach (var ladder in TierLadders)
        {
            if (ladder.Scheme.Id == scheme.Id)
            {
                return ladder;
            }
        }

        return null;
    }

    /// <summary>The tier with this name ("1", "tier-1", "Tier 1", "free", "build") in any scheme, the latest first, or null.
    /// Callers that know the request's date resolve the name against the scheme of that date first
    /// (<see cref="TierSchedule.Resolve"/>).</summary>
    public UsageTier? FindTier(string name)
    {
        if (!TierName.TryParse(name, out var key, out _))
        {
            return null;
        }

        for (int i = TierLadders.Count - 1; i >= 0; i--)
        {
            if (TierLadders[i].Find(key) is { } tier)
            {
                return tier;
            }
        }

        return null;
    }
}
