using System.Globalization;
using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Core;
using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Projection;
using Planner.Core.Traces;

namespace Planner.Contract.Services;

/// <summary>Runs <c>project</c>: builds the workload (learned from a trace, or a request shape or call shape), moves it
/// at shutdowns inside the horizon (<see cref="ProjectLifecycle"/>), projects it with <see cref="Projector"/> and
/// builds the result.</summary>
public static class ProjectService
{
    /// <summary>The projection of a validated query (<see cref="ProjectQuery.Validate(bool)"/> with
    /// <c>withTrace</c> = <paramref name="trace"/> is not null). <paramref name="trace"/> is an opened usage source
    /// (opened with <see cref="ProjectQuery.ToTraceOptions"/>), read once here and disposed by the caller.</summary>
    /// <exception cref="PlannerException">An unknown model, a cap broken, a bad trace row, a shutdown with nowhere to go.</exception>
    public static ProjectResult Run(ProjectQuery query, ModelCatalog catalog, IUsageSource? trace, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(catalog);
        var options = query.ToOptions();
        var compare = query.CompareModelList.Select(catalog.Resolve).ToList();
        var assumptions = new AssumptionList();
        var at = query.Instant(now);
        Workload workload;
        string source;
        GroupsResult? groups = null;
        TracePricedResult? groupsTotal = null;
        if (trace is not null)
        {
            (workload, source, groups, groupsTotal) = Learn(query, catalog, trace, assumptions);
        }
        else if (query.IsCallUnit)
        {
            var model = catalog.Resolve(query.Model!);
            (workload, source) = CallWorkload.Build(query, model, query.Rates(catalog.RatesFor(model.Model)), at, assumptions);
        }
        else
        {
            var model = catalog.Resolve(string.IsNullOrWhiteSpace(query.Model) ? compare[0].RequestedName : query.Model);
            if (query.IsEmptyRequest)
            {
                // A request of nothing would project a silent $0.
                throw new PlannerException(PlannerErrorKind.InvalidArgument, RequestShapeQuery.EmptyRequestError.Field, RequestShapeQuery.EmptyRequestError.Message);
            }

            var rates = query.Rates(catalog.RatesFor(model.Model));
            var shape = query.ToShape();
            var usage = shape.ToUsage(rates);
            RequestCaps.Ensure(model.Model, usage);
            workload = Workload.FromShape(model, usage, query.RequestsPerDay!.Value, query.RequestsPerDaySd);
            assumptions.AddAudioRates(rates, shape.UsesAudioRates).AddCachedFallbacks(model.BillingId, PricingEngine.PricesAt(model, at), usage);
            source = $"{model.BillingId}, {CallWorkload.PerDay(query.RequestsPerDay.Value)} requests/day";
        }

        var lifecycle = ProjectLifecycle.Apply(catalog, query, workload, query.StartDay(now), at);
        workload = lifecycle.Workload;
        source = lifecycle.Label(source);
        var targets = Targets(workload, compare, baselineGiven: trace is not null || !string.IsNullOrWhiteSpace(query.Model));
        var result = Projector.Project(workload, targets, options, at);
        var modelWarnings = new WarningList();
        foreach (var used in workload.Streams.Select(s => s.Model).Concat(compare))
        {
            modelWarnings.For(used, at);
        }

        return FromProjection(result, source, query.IsCallUnit, assumptions, modelWarnings.Warnings, lifecycle.Warnings(result), groups, groupsTotal);
    }

    /// <summary>What the projection is priced on. The baseline (the trace as given, or the model) always comes first, so
    /// its name heads its own figures; compare_models adds the others (a repeat of the baseline is not added twice).
    /// Without a model the first compared model is the baseline.</summary>
    private static List<ProjectionTarget> Targets(Workload workload, List<ResolvedModel> compare, bool baselineGiven)
    {
        if (compare.Count == 0)
        {
            return [ProjectionTarget.AsGiven];
        }

        var targets = new List<ProjectionTarget>();
        if (baselineGiven)
        {
            var models = workload.Streams.Select(s => s.Model.Model.Id).Distinct().ToList();
            targets.Add(models.Count == 1 ? ProjectionTarget.On(workload.Streams[0].Model) : ProjectionTarget.AsGiven);
        }

        foreach (var model in compare)
        {
            if (!targets.Any(t => t.Name == model.Model.Id))
            {
                targets.Add(ProjectionTarget.On(model));
            }
        }

        return targets;
    }

    private static (Workload, string, GroupsResult?, TracePricedResult?) Learn(ProjectQuery query, ModelCatalog catalog, IUsageSource reader, AssumptionList assumptions)
    {
        // A large trace is read in chunks on every core, each into its own learner (and exact sums by group with by),
        // merged in file order.
        var learned = LearnedTrace.Read(reader, query.Seed, withCosts: false, PriceQuery.ParseGroupBy(query.By));
        var learner = learned.Learner;
        var groups = learned.Groups is { } grouped ? GroupsResult.From(query.By!, grouped) : null;
        var groupsTotal = groups is null ? null : new TracePricedResult { RequestsBilled = learned.Costs!.Totals.Requests, TotalUsd = learned.Costs.Totals.Total };
        if (query.RateOverrides(catalog) is { } overrides)
        {
            assumptions.AddAudioRates(overrides, used: true);
        }

        if (reader.Rejections.Count > 0)
        {
            assumptions.Add("skipped_rows", reader.Rejections.Count.ToString("N0", CultureInfo.InvariantCulture), "rows of the trace rejected with skip_invalid and left out of the workload");
        }

        var fit = query.Fit == "lognormal" ? UsageFit.LogNormal : UsageFit.Resample;
        return (learner.Learn(fit), $"{Path.GetFileName(reader.Path)} ({learner.Count.ToString("N0", CultureInfo.InvariantCulture)} requests)", groups, groupsTotal);
    }

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
