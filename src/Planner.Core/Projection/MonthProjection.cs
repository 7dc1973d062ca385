using Planner.Core.Catalog;
using Planner.Core.Units;

namespace Planner.Core.Projection;

/// <summary>One month of a projection: the distribution of its cost.</summary>
/// <remarks>When <see cref="IsExact"/>, every figure is the exact decimal cost; otherwise they are
/// Monte Carlo estimates (computed in doubles) rounded to the cent.</remarks>
public sealed record MonthProjection
{
    /// <summary>1-based month of the horizon.</summary>
    public required int Month { get; init; }

    /// <summary>scale x (1 + growth)^(month-1), exactly.</summary>
    public required decimal TrafficFactor { get; init; }

    /// <summary>Mean requests in the month (30 days).</summary>
    public required decimal ExpectedRequests { get; init; }

    public required Usd Mean { get; init; }
    public required Usd P10 { get; init; }
    public required Usd P50 { get; init; }
    public required Usd P90 { get; init; }
    public required Usd P99 { get; init; }

    /// <summary>The standard error of <see cref="Mean"/> (0 when exact).</summary>
    public required Usd StandardError { get; init; }

    /// <summary>The probability that the month costs more than the budget, or null without a budget.</summary>
    public double? ExceedsBudgetProbability { get; init; }

    /// <summary>The tier each model's traffic needs on its own (its peak, and its own spend).</summary>
    public required IReadOnlyList<TierNeed> Tiers { get; init; }

    /// <summary>The one tier the organization needs: every model's peak within that tier's limits for
    /// the model, and the month's whole spend (exact, or its 99th percentile) within the tier's
    /// monthly usage limit; null when no tier suffices.</summary>
    public UsageTier? OrganizationTier => OrganizationChoice?.Recommended;

    /// <summary>The organization's tier as <see cref="TierRule"/> chose it: the tier, which tiers the peak and the
    /// spend need on their own, and a headline saying so (or what does not fit).</summary>
    public TierChoice? OrganizationChoice { get; init; }

    /// <summary>The spend checked against the monthly usage limit for <see cref="OrganizationTier"/>.</summary>
    public Usd OrganizationSpend { get; init; }

    /// <summary>True when there is no spread and the figures are exact.</summary>
    public required bool IsExact { get; init; }
}
