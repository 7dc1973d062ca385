using Planner.Contract.Results;
using Planner.Core;
using Planner.Core.Catalog;
using Planner.Core.Projection;

namespace Planner.Contract.Services;

/// <summary>Builds the result of <c>project</c> from a finished projection (the workload learned from a trace, a
/// request shape or a call shape, moved at shutdowns, then projected by <see cref="Projector"/>).</summary>
public static class ProjectService
{
    /// <summary>The record of a projection. <paramref name="modelWarnings"/> are the models' own at the start,
    /// <paramref name="lifecycleWarnings"/> the migrations' and monthly usage limits'.</summary>
    public static ProjectResult FromProjection(ProjectionResult projection, string source, bool callUnit, AssumptionList assumptions,
        IReadOnlyList<PlannerWarning> modelWarnings, IReadOnlyList<PlannerWarning> lifecycleWarnings, GroupsResult? groups = null, TracePricedResult? groupsTotal = null)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentNullException.ThrowIfNull(modelWarnings);
        ArgumentNullException.ThrowIfNull(lifecycleWarnings);
        var options = projection.Options;
        var first = projection.Targets[0];
        foreach (var a in projection.Assumptions)
        {
            assumptions.Add(a.Name, a.Value, a.Why);
        }

        var all = new WarningList().Add(modelWarnings).Add(lifecycleWarnings).Add(projection.Warnings);
        return new ProjectResult
        {
            Source = source,
            Unit = callUnit ? "calls" : "requests",
            Exact = projection.IsExact,
            Runs = projection.IsExact ? null : options.Runs,
            Seed = projection.IsExact ? null : options.Seed,
            GrowthPercent = options.GrowthPercent,
            Scale = options.Scale,
            BudgetUsd = options.Budget,
            Total = Total(first.Total),
            Months = [.. first.Months.Select(Month)],
            Comparison = projection.Targets.Count > 1 ? [.. projection.Targets.Select(t => Target(t, first))] : null,
            By = groups,
            ByTotal = groupsTotal,
            Warnings = all.Items,
            ProjectionWarnings = WarningItem.From(projection.Warnings),
            LifecycleWarnings = WarningItem.From(lifecycleWarnings),
            ModelWarnings = WarningItem.From(modelWarnings),
            Assumptions = assumptions.Items,
        };
    }

    private static ProjectionTargetResult Target(TargetProjection target, TargetProjection first) => new()
    {
        Model = target.Target.Name,
        AsGiven = target.Target.Model is null,
        Total = Total(target.Total),
        Months = [.. target.Months.Select(Month)],
        SavingAgainst = target.SavingVersusFirst.Count > 0 ? first.Target.Name : null,
        Saving = target.SavingVersusFirst.Count > 0 ? [.. target.SavingVersusFirst.Select(s => new ProjectionSavingRow(s.Month, s.Mean, s.P10, s.P50, s.P90))] : null,
    };

    private static ProjectionTotalRow Total(HorizonTotal total) => new()
    {
        Months = total.Months,
        MeanUsd = total.Mean,
        P10Usd = total.P10,
        P50Usd = total.P50,
        P90Usd = total.P90,
        P99Usd = total.P99,
    };

    private static ProjectionMonthRow Month(MonthProjection m) => new()
    {
        Month = m.Month,
        TrafficFactor = m.TrafficFactor,
        ExpectedRequests = m.ExpectedRequests,
        MeanUsd = m.Mean,
        P10Usd = m.P10,
        P50Usd = m.P50,
        P90Usd = m.P90,
        P99Usd = m.P99,
        StandardErrorUsd = m.StandardError,
        PExceedBudget = m.ExceedsBudgetProbability,
        OrganizationTier = new OrganizationTierRow
        {
            Tier = m.OrganizationTier?.Name,
            TierName = m.OrganizationTier?.DisplayName,
            MonthlyUsageLimitUsd = m.OrganizationTier?.MonthlyUsageLimit,
            Headline = m.OrganizationChoice?.Headline,
            SpendUsd = m.OrganizationSpend,
        },
        Tiers = [.. m.Tiers.Select(t => new ProjectionTierRow
        {
            Model = t.ModelId,
            Tier = t.Tier?.Name,
            TierName = t.Tier?.DisplayName,
            MonthlyUsageLimitUsd = t.Tier?.MonthlyUsageLimit,
            PeakRpm = t.PeakRpm,
            PeakTpm = t.PeakTpm,
            SpendUsd = t.Spend,
        })],
    };
}
