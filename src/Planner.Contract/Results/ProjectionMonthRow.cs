using Planner.Core.Units;

namespace Planner.Contract.Results;

/// <summary>One month of a projection: traffic, the cost distribution (exact when there is no spread), the
/// probability over budget, and the tiers it needs. The fan chart is P10 to P90 of these rows, the median line P50.</summary>
public sealed record ProjectionMonthRow
{
    public required int Month { get; init; }

    /// <summary>Growth and scale applied to the base traffic in this month.</summary>
    public required decimal TrafficFactor { get; init; }

    public required decimal ExpectedRequests { get; init; }

    public required Usd MeanUsd { get; init; }

    public required Usd P10Usd { get; init; }

    public required Usd P50Usd { get; init; }

    public required Usd P90Usd { get; init; }

    public required Usd P99Usd { get; init; }

    /// <summary>The standard error of the mean (0 when exact).</summary>
    public required Usd StandardErrorUsd { get; init; }

    /// <summary>The share of runs over the budget; omitted without a budget (a statistic).</summary>
    public double? PExceedBudget { get; init; }

    public required OrganizationTierRow OrganizationTier { get; init; }

    public required IReadOnlyList<ProjectionTierRow> Tiers { get; init; }
}
