using System.Globalization;
using Planner.Core;
using Planner.Core.Catalog;
using Planner.Core.Migration;
using Planner.Core.Projection;

namespace Planner.Cli.Commands;

/// <summary><c>project</c>'s lifecycle step: traffic on a model that shuts down inside the horizon moves to
/// --migrate-to (default: the recommended replacement) from the shutdown day, or the command stops under --no-migrate;
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

    public Workload Workload { get; }

    public IReadOnlyList<MigrationStep> Steps { get; }

    public ProjectionCalendar Calendar { get; }

    /// <summary>Splits streams at shutdowns inside the horizon.</summary>
    /// <exception cref="PlannerException">--no-migrate with a shutdown in the horizon, or no model to move to.</exception>
    public static ProjectLifecycle Apply(ModelCatalog catalog, ProjectCommand.Settings settings, Workload workload, int months, Func<DateTimeOffset> clock)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(workload);
        var calendar = new ProjectionCalendar(settings.StartDay(clock), months);
        var at = settings.Instant(clock);
        var (moved, steps) = ShutdownMigration.Apply(workload, calendar, from => Destination(catalog, settings, from, calendar),
            (stream, to) => settings.IsCallUnit ? CallWorkload.Usage(to, settings.Rates(catalog.RatesFor(to.Model)), settings, at) : stream.Usage);
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

    private static ResolvedModel? Destination(ModelCatalog catalog, ProjectCommand.Settings settings, ResolvedModel from, ProjectionCalendar calendar)
    {
        if (settings.NoMigrate)
        {
            return null;
        }

        if (settings.MigrateTo is { } to)
        {
            return catalog.Resolve(to);
        }

        return from.Replacement is { } replacement
            ? catalog.Resolve(replacement)
            : throw new PlannerException(PlannerErrorKind.AfterShutdown,
                $"{from.BillingId} shuts down on {Date(from.Shutdown!.Value)}, inside the horizon from {Date(calendar.Start)}, and has no recommended replacement: give --migrate-to MODEL");
    }

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Percent(decimal share) => Math.Round(share * 100m, 2).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
