using System.Text.Json.Serialization;

namespace Planner.Contract.Results;

/// <summary>One snapshot of a <see cref="ModelsEntry"/>: its lifecycle on the day (its own, else the model's) and its own prices.</summary>
public sealed record ModelsSnapshot
{
    public required string Id { get; init; }

    /// <summary>"active", "deprecated", "shut_down" or "unreleased".</summary>
    public required string Status { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required DateOnly? Shutdown { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? Replacement { get; init; }

    /// <summary>The snapshot's own price sets (empty: it bills at the model's).</summary>
    public required IReadOnlyList<ModelPriceSet> Prices { get; init; }

    /// <summary>With own prices: the first day of the set in effect on the day asked about; null otherwise or before the first.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required DateOnly? PricesInEffectFrom { get; init; }
}
