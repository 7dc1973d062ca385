using Planner.Core.Catalog;
using Planner.Core.Traces;
using Planner.Core.Units;

namespace Planner.Core.Simulation;

/// <summary>The lowest tier that meets the objectives, every tier's figures, and whether the projected
/// monthly spend fits under the tier's monthly usage limit.</summary>
public sealed record TierRecommendation
{
    /// <summary>Every tier, in catalog order.</summary>
    public required IReadOnlyList<TierOutcome> Tiers { get; init; }

    /// <summary>The lowest tier that meets the objectives and whose monthly usage limit covers the projected spend, or null.</summary>
    public UsageTier? Recommended { get; init; }

    /// <summary>The rule's choice (shared with <c>project</c>): which tier carries the peak, which covers the spend,
    /// and a headline saying both.</summary>
    public required Projection.TierChoice Choice { get; init; }

    /// <summary>Why no tier suffices (null when one does).</summary>
    public string? NoTierReason { get; init; }

    /// <summary>The exact cost of every valid row.</summary>
    public required TraceCosts Costs { get; init; }

    /// <summary>The trace's spend extrapolated to 30 days, or null for a single instant.</summary>
    public Usd? MonthlyProjection => Costs.MonthlyProjection;

    /// <summary>True when the projection fits under the recommended tier's monthly usage limit (null without a recommendation or projection).</summary>
    public bool? FitsMonthlyLimit { get; init; }

    /// <summary>The lowest tier whose monthly usage limit the projection fits under, or null when none does.</summary>
    public UsageTier? MonthlyLimitTier { get; init; }
}
