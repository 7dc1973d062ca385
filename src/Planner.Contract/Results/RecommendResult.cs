using System.Text.Json.Serialization;
using Planner.Core.Units;

namespace Planner.Contract.Results;

/// <summary>The result of <c>recommend</c>: the trace's rows, every tier's simulation, the lowest tier that meets the
/// objectives (or why none does), and the 30-day spend against the tiers' monthly usage limits.</summary>
public sealed record RecommendResult : TraceRowsResult
{
    public RecommendResult()
    {
    }

    /// <summary>A result on the rows of <paramref name="rows"/>.</summary>
    public RecommendResult(TraceRowsResult rows)
        : base(rows)
    {
    }

    /// <summary>queue or retry.</summary>
    public required string OnLimit { get; init; }

    public required RecommendObjectivesResult Objectives { get; init; }

    /// <summary>The lowest tier that meets the objectives; null (written as null) when none does.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? RecommendedTier { get; init; }

    /// <summary>Why no tier suffices; null (written as null) when one does.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? Reason { get; init; }

    /// <summary>One line naming the recommendation, e.g. "Tier 2 (...)"; omitted when there is none.</summary>
    public string? Headline { get; init; }

    /// <summary>The recommended tier's display name, e.g. "Tier 2"; omitted when there is none.</summary>
    public string? RecommendedTierName { get; init; }

    /// <summary>What it takes to reach the recommended tier; omitted when there is none.</summary>
    public string? RecommendedTierQualification { get; init; }

    /// <summary>The completed requests' cost scaled to a 30-day month; null (written as null) for a trace of one instant.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required Usd? MonthlyProjectionUsd { get; init; }

    /// <summary>The recommended tier's monthly usage limit; omitted when there is no recommendation.</summary>
    public Usd? RecommendedTierMonthlyUsageLimitUsd { get; init; }

    /// <summary>Whether the projection fits the recommended tier's monthly usage limit; null (written as null) when unknown.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required bool? FitsMonthlyUsageLimit { get; init; }

    /// <summary>The lowest tier whose monthly usage limit the projection fits under; null (written as null) when none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? MonthlyUsageLimitTier { get; init; }

    /// <summary>That tier's display name; omitted when there is none.</summary>
    public string? MonthlyUsageLimitTierName { get; init; }

    /// <summary>That tier's monthly usage limit; omitted when there is none.</summary>
    public Usd? MonthlyUsageLimitTierUsd { get; init; }

    /// <summary>The exact cost of the trace's requests.</summary>
    public required Usd TotalUsd { get; init; }

    public required IReadOnlyList<TierOutcomeRow> Tiers { get; init; }

    public required IReadOnlyList<WarningItem> Warnings { get; init; }

    public required IReadOnlyList<AssumptionItem> Assumptions { get; init; }
}
