using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Core.Catalog;
using Planner.Core.Simulation;
using Planner.Core.Traces;

namespace Planner.Contract.Services;

/// <summary>Runs <c>recommend</c>: simulates a usage source on every tier and picks the lowest that meets the objectives.</summary>
public static class RecommendService
{
    /// <summary>The simulation options every tier is run with (the tier is set per run).</summary>
    public static SimulationOptions Options(RecommendQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.ToOptions("1");
    }

    /// <summary>Recommends a tier for <paramref name="source"/> (opened with <c>query.ToTraceOptions(catalog, true, now)</c>).</summary>
    public static RecommendResult Run(RecommendQuery query, ModelCatalog catalog, IUsageSource source, Action<IUsageSource>? progress = null)
    {
        var recommendation = TierRecommender.Recommend(source, catalog, Options(query), query.ToObjectives(), progress);
        return FromRecommendation(query, catalog, source, recommendation);
    }

    /// <summary>The result of a finished recommendation on <paramref name="source"/>.</summary>
    public static RecommendResult FromRecommendation(RecommendQuery query, ModelCatalog catalog, IUsageSource source, TierRecommendation recommendation)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(recommendation);
        var options = Options(query);
        bool queue = options.OnLimit == OnLimit.Queue;
        var recommended = recommendation.Recommended;
        var limitTier = recommendation.MonthlyLimitTier;
        return new RecommendResult(new TraceRowsResult(source.Path, source.RowsRead, source.Rejections))
        {
            OnLimit = queue ? "queue" : "retry",
            Objectives = queue
                ? new RecommendObjectivesResult(query.MaxP99Delay, null, null)
                : new RecommendObjectivesResult(null, query.MaxThrottleRate, 0),
            RecommendedTier = recommended?.Name,
            Reason = recommended is null ? recommendation.NoTierReason : null,
            Headline = recommended is null ? null : recommendation.Choice.Headline,
            RecommendedTierName = recommended?.DisplayName,
            RecommendedTierQualification = recommended?.Qualification,
            MonthlyProjectionUsd = recommendation.MonthlyProjection,
            RecommendedTierMonthlyUsageLimitUsd = recommended?.MonthlyUsageLimit,
            FitsMonthlyUsageLimit = recommendation.FitsMonthlyLimit,
            MonthlyUsageLimitTier = limitTier?.Name,
            MonthlyUsageLimitTierName = limitTier?.DisplayName,
            MonthlyUsageLimitTierUsd = limitTier?.MonthlyUsageLimit,
            TotalUsd = recommendation.Costs.Totals.Total,
            Tiers = [.. recommendation.Tiers.Select(Row)],
            Warnings = new WarningList().ForTrace(catalog, recommendation.Costs).Items,
            Assumptions = SimulationAssumptions.For(query, catalog, source, options).Items,
        };
    }

    private static TierOutcomeRow Row(TierOutcome outcome)
    {
        var r = outcome.Result;
        var row = new TierOutcomeRow { Tier = r.Tier, MeetsObjectives = outcome.MeetsObjectives, Reason = outcome.Reason };
        return r.Unsupported is not null ? row : row with
        {
            Completed = r.Completed,
            Dropped = r.Dropped,
            Rejected = r.Rejected,
            ThrottledRequests = r.ThrottledRequests,
            ThrottleRate = r.ThrottleRate,
            QueueDelayP99Seconds = r.QueueDelay.Percentile(0.99).TotalSeconds,
            QueueDelayMaxSeconds = r.QueueDelay.Max.TotalSeconds,
            PeakConcurrency = r.PeakConcurrency,
        };
    }
}
