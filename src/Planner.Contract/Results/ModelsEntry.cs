using System.Text.Json.Serialization;

namespace Planner.Contract.Results;

/// <summary>One model in a <see cref="ModelsResult"/>. Dates the catalog does not give are null (written as null).</summary>
public sealed record ModelsEntry
{
    public required string Id { get; init; }

    public required string DisplayName { get; init; }

    public required string Description { get; init; }

    public required IReadOnlyList<string> Aliases { get; init; }

    /// <summary>The snapshots' ids (their lifecycle and own prices are in <see cref="SnapshotDetails"/>).</summary>
    public required IReadOnlyList<string> Snapshots { get; init; }

    public required long ContextWindow { get; init; }

    public required long MaxOutputTokens { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required DateOnly? KnowledgeCutoff { get; init; }

    /// <summary>"chat_completions" or "realtime".</summary>
    public required string Api { get; init; }

    /// <summary>"active", "deprecated", "shut_down" or "unreleased" on the day asked about.</summary>
    public required string Status { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required DateOnly? Released { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required DateOnly? Deprecated { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required DateOnly? Shutdown { get; init; }

    /// <summary>OpenAI's recommended replacement, or null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? Replacement { get; init; }

    /// <summary>The day the replacement was seen (omitted without a replacement).</summary>
    public DateOnly? ReplacementObserved { get; init; }

    /// <summary>Every price set, oldest first.</summary>
    public required IReadOnlyList<ModelPriceSet> Prices { get; init; }

    /// <summary>The first day of the price set in effect on the day asked about; null when there is no price yet.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required DateOnly? PricesInEffectFrom { get; init; }

    /// <summary>The model's own audio-token rates, when they differ from the catalog's (omitted otherwise).</summary>
    public AudioRatesItem? AudioTokenRates { get; init; }

    /// <summary>Each snapshot's lifecycle on the day and its own prices.</summary>
    public required IReadOnlyList<ModelsSnapshot> SnapshotDetails { get; init; }
}
