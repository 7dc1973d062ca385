using System.Globalization;
using Planner.Contract.Queries;
using Planner.Core;
using Planner.Core.Catalog;
using Planner.Core.Migration;
using Planner.Core.Projection;

namespace Planner.Contract.Services;

/// <summary><c>project</c>'s lifecycle step: traffic on a model that shuts down inside the horizon moves to
/// migrate_to (default: the recommended replacement) from the shutdown day, or the projection stops under no_migrate;
/// afterwards, warnings for deprecated models and monthly usage limits.</summary>
public sealed class ProjectLifecycle
{
    private readonly List<PlannerWarning> _warnings = [];

    private ProjectLifecycle(Workload workload, IReadOnlyList<MigrationStep> steps, ProjectionCalendar calendar)
    {
        Workload = workload;
        Steps = steps;
        Calendar = calendar;
    }

    /// <summary>The workload with its streams split at shutdowns.</summary>
    public Workload Workload { get; }

    /// <summary>The moves, in order.</summary>
    public IReadOnlyList<MigrationStep> Steps { get; }

    /// <summary>The horizon.</summary>
    public ProjectionCalendar Calendar { get; }

    /// <summary>Splits streams at shutdowns inside the horizon from <paramref name="start"/>; a call moves with its
    /// call shape re-planned on the new model (priced at <paramref name="at"/>).</summary>
    /// <exception cref="PlannerException">no_migrate with a shutdown in the horizon, or no model to move to.</exception>
    public static ProjectLifecycle Apply(ModelCatalog catalog, ProjectQuery query, Workload workload, DateOnly start, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(workload);
        var calendar = new ProjectionCalendar(start, query.Months);
        var (moved, steps) = ShutdownMigration.Apply(workload, calendar, from => Destination(catalog, query, from, calendar),
            (stream, to) => query.IsCallUnit ? query.ToCallUsage(to, query.Rates(catalog.RatesFor(to.Model)), at) : stream.Usage);
        var lifecycle = new ProjectLifecycle(moved, steps, calendar);
        foreach (var stream in workload.Streams)
        {
            if (stream.Model.StatusAt(calendar.Start) == LifecycleStatus.Deprecated && stream.Model.Shutdown is { } shutdown
                && !lifecycle._warnings.Exists(w => w.Message.StartsWith(stream.Model.BillingId + " ", StringComparison.Ordinal)))
            {
                lifecycle._warnings.Add(new PlannerWarning("model_deprecated",
                    $"{stream.Model.BillingId} is deprecated: it shuts down on {Date(shutdown)}" + (stream.Model.Replacement is { } r ? $"; OpenAI recommends {r}" : "")));
            }
        }

        foreach (var step in steps)
        {
            lifecycle._warnings.Add(new PlannerWarning("migrated",
                step.Month == 0
                    ? $"{step.From} shut down on {Date(step.Shutdown)}, before month 1: the whole projection is on {step.To}"
                    : $"{step.From} shuts down on {Date(step.Shutdown)}: month {step.Month} ({Date(calendar.FirstDay(step.Month))} to {Date(calendar.EndExclusive(step.Month).AddDays(-1))}) is split at that day, {Percent(step.ShareBefore)} on {step.From}, the rest and every later month on {step.To}"));
        }

        return lifecycle;
    }

    /// <summary>The lifecycle warnings and, from <paramref name="result"/>, the monthly usage-limit warnings.</summary>
    public IReadOnlyList<PlannerWarning> Warnings(ProjectionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var list = new List<PlannerWarning>(_warnings);
        var target = result.Targets[0];
        var model = Workload.Streams[^1].Model.Model;
        list.AddRange(UsageLimitWarnings.For(model, [.. target.Months.Select(m => (m.Month, m.OrganizationSpend))]));
        return list;
    }

    /// <summary>The source label with the moves, e.g. "gpt-audio-mini, 1,000 requests/day -> gpt-audio-1.5 from 2027-01-20".</summary>
    public string Label(string source) =>
        Steps.Aggregate(source, (label, step) => label + $" -> {step.To} from {Date(step.Shutdown)}");

    private static ResolvedModel? Destination(ModelCatalog catalog, ProjectQuery query, ResolvedModel from, ProjectionCalendar calendar)
    {
        if (query.NoMigrate)
        {
            return null;
        }

        if (query.MigrateTo is { } to)
        {
            return catalog.Resolve(to);
        }

        return from.Replacement is { } replacement
            ? catalog.Resolve(replacement)
            : throw new PlannerException(PlannerErrorKind.AfterShutdown, "migrate_to",
                $"{from.BillingId} shuts down on {Date(from.Shutdown!.Value)}, inside the horizon from {Date(calendar.Start)}, and has no recommended replacement: give migrate_to MODEL");
    }

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Percent(decimal share) => Math.Round(share * 100m, 2).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
