using System.Text.Json.Serialization;
using Planner.Core.Units;

namespace Planner.Contract.Results;

/// <summary>The tier one model needs in a month: its peak minute against the tiers' limits, and its spend.</summary>
public sealed record ProjectionTierRow
{
    public required string Model { get; init; }

    /// <summary>The lowest tier that carries the model's peak and spend; null (written as null) when none does.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? Tier { get; init; }

    /// <summary>That tier's display name, e.g. "Tier 2"; omitted when none.</summary>
    public string? TierName { get; init; }

    /// <summary>That tier's monthly usage limit; omitted when none.</summary>
    public Usd? MonthlyUsageLimitUsd { get; init; }

    public required long PeakRpm { get; init; }

    public required long PeakTpm { get; init; }

    public required Usd SpendUsd { get; init; }
}
