using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Core;
using Planner.Core.Catalog;
using Planner.Core.Migration;
using Planner.Core.Pricing;
using Planner.Core.Projection;
using Planner.Core.Traces;
using Planner.Core.Units;

namespace Planner.Contract.Services;

/// <summary>Runs <c>migrate</c>: the workload on its current model and on each candidate, month by month.</summary>
public static class MigrateService
{
    /// <summary>The comparison of a validated query (<see cref="MigrateQuery.Validate(bool)"/> with <c>withTrace</c> =
    /// <paramref name="trace"/> is not null). <paramref name="trace"/> is an opened usage source (opened with
    /// <see cref="ToTraceOptions"/>), read once here and disposed by the caller.</summary>
    /// <exception cref="PlannerException">An unknown model, a cap broken, a bad trace row, no candidate.</exception>
    public static MigrateResult Run(MigrateQuery query, ModelCatalog catalog, IUsageSource? trace, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(catalog);
        var options = query.ToOptions();
        var at = query.Instant(now);
        var calendar = new ProjectionCalendar(query.StartDay(now), query.Months);
        var assumptions = new AssumptionList();
        var (from, workloadOn, source) = trace is not null ? Learn(query, catalog, trace) : Shape(query, catalog, at, assumptions);
        var candidates = query.ToModels is not null
            ? query.ToModelList.Select(name => (catalog.Resolve(name), "given")).ToList()
            : MigrationPlanner.DefaultCandidates(catalog, from, calendar.Start, model => FirstMonth(workloadOn, model, options, at));
        if (candidates.Count == 0)
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument, "to_models", $"no model to compare {from.BillingId} with: name candidates with to_models");
        }

        var report = MigrationPlanner.Compare(from, candidates, workloadOn, options, calendar, at);
        assumptions.Add("before", "the current model as if it kept running", "after its shutdown the 'before' figures are what it would have cost; the move must happen before it")
            .Add("months", "calendar months from the start", "each month's traffic is 30 days of the workload (as in project); the start is the given first day, else today")
            .Add("tiers", "the scheme in each model's tier table", "the highest tier any month needs: every model's peak RPM and TPM and the month's spend within its limits");
        return new MigrateResult
        {
            Source = source,
            From = report.From.BillingId,
            Start = report.Calendar.Start,
            Months = report.Calendar.Months,
            Exact = report.IsExact,
            MoveBefore = report.MoveBy,
            CurrentTier = report.CurrentTier?.Name,
            CurrentTierDetail = Tier(report.CurrentTier),
            Candidates = [.. report.Candidates.Select(c => new MigrateCandidateRow
            {
                Model = c.Model.BillingId,
                Api = CapacityService.ApiName(c.Model.Model.Api),
                Why = c.Why,
                Tier = c.Tier?.Name,
                TierDetail = Tier(c.Tier),
                Months = [.. c.Months.Select(m => new MigrateMonthRow
                {
                    Month = m.Month,
                    BeforeUsd = m.Before,
                    AfterUsd = m.After,
                    ChangeUsd = m.Change,
                    ChangePercent = m.ChangePercent,
                    CurrentShutDown = m.CurrentShutDown,
                })],
                TotalBeforeUsd = c.TotalBefore,
                TotalAfterUsd = c.TotalAfter,
                TotalChangeUsd = c.TotalAfter - c.TotalBefore,
            })],
            Warnings = WarningItem.From(report.Warnings),
            Assumptions = assumptions.Items,
        };
    }

    /// <summary>How to read the trace: skip bad rows when asked, the audio-rate overrides.</summary>
    public static TraceOptions ToTraceOptions(MigrateQuery query, ModelCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(catalog);
        var overrides = query.AudioInRate is null && query.AudioOutRate is null ? null : query.Rates(catalog.AudioTokenRates);
        return new TraceOptions { SkipInvalid = query.SkipInvalid, AudioTokenRates = overrides };
    }

    private static MigrateTier? Tier(UsageTier? tier) => tier is null ? null : new MigrateTier(tier.Name, tier.DisplayName, tier.MonthlyUsageLimit);

    private static (ResolvedModel From, Func<ResolvedModel, Workload> On, string Source) Learn(MigrateQuery query, ModelCatalog catalog, IUsageSource reader)
    {
        // A large trace is read in chunks on every core, each into its own learner, merged in file order.
        var learner = LearnedTrace.Read(reader, query.Seed, withCosts: false).Learner;

        var learned = learner.Learn(UsageFit.Resample);
        var models = learned.Streams.Select(s => s.Model.Model.Id).Distinct().ToList();
        var from = query.FromModel is { } f ? catalog.Resolve(f)
            : models.Count == 1 ? learned.Streams[0].Model
            : throw new PlannerException(PlannerErrorKind.InvalidArgument, "from_model", $"the trace uses {models.Count} models ({string.Join(", ", models)}): name the one to move with from_model");
        return (from, model => new Workload([.. learned.Streams.Select(s => s.Model.Model.Id == from.Model.Id ? s with { Model = model } : s)], learned.Notes),
            $"{Path.GetFileName(reader.Path)} ({learner.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} requests), {from.BillingId}'s rows moved row by row");
    }

    private static (ResolvedModel From, Func<ResolvedModel, Workload> On, string Source) Shape(MigrateQuery query, ModelCatalog catalog, DateTimeOffset at, AssumptionList assumptions)
    {
        var current = catalog.Resolve(query.FromModel!);
        if (query.IsCallUnit)
        {
            var first = CallWorkload.Build(query, current, query.Rates(catalog.RatesFor(current.Model)), at, assumptions);
            return (current, model => model.Model.Id == current.Model.Id ? first.Workload
                : CallWorkload.Build(query, model, query.Rates(catalog.RatesFor(model.Model)), at, new AssumptionList()).Workload, first.Source);
        }

        var shape = query.ToShape();
        assumptions.AddAudioRates(query.Rates(catalog.AudioTokenRates), shape.UsesAudioRates);
        assumptions.Add("across_apis", "same tokens", "a Chat Completions request becomes a one-turn Realtime Response with the same audio and text");
        return (current, model =>
        {
            var usage = shape.ToUsage(query.Rates(catalog.RatesFor(model.Model)));
            RequestCaps.Ensure(model.Model, usage);
            return Workload.FromShape(model, usage, query.RequestsPerDay!.Value, query.RequestsPerDaySd);
        }, $"{current.BillingId}, {CallWorkload.PerDay(query.RequestsPerDay!.Value)} requests/day");
    }

    private static Usd? FirstMonth(Func<ResolvedModel, Workload> workloadOn, ResolvedModel model, ProjectionOptions options, DateTimeOffset at)
    {
        try
        {
            return Projector.Project(workloadOn(model), [ProjectionTarget.AsGiven], options with { Months = 1 }, at).Targets[0].Months[0].Mean;
        }
        catch (PlannerException)
        {
            return null; // the workload cannot run there (a cap broken, no price yet): not a candidate
        }
    }
}
