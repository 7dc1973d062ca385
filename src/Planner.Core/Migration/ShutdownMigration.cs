using System.Globalization;
using Planner.Core.Catalog;
using Planner.Core.Projection;

namespace Planner.Core.Migration;

/// <summary>Moves a workload's traffic off models that shut down inside a horizon, from the shutdown day on: a projection
/// must never bill a model that no longer exists.</summary>
public static class ShutdownMigration
{
    /// <summary>The workload with every stream on a model that shuts down before the horizon ends split in two: the days
    /// before the shutdown on the model, the days from it on <paramref name="destination"/>'s answer, with the usage
    /// <paramref name="usageOn"/> gives there (a call bills differently on another API; a request keeps its tokens).</summary>
    /// <param name="workload">The workload.</param>
    /// <param name="calendar">The horizon.</param>
    /// <param name="destination">Where a model's traffic goes, or null to refuse (no migration).</param>
    /// <param name="usageOn">The usage of a stream on another model.</param>
    /// <exception cref="PlannerException">A shutdown in the horizon with no destination, or a destination that is itself shut down.</exception>
    public static (Workload Workload, IReadOnlyList<MigrationStep> Steps) Apply(Workload workload, ProjectionCalendar calendar,
        Func<ResolvedModel, ResolvedModel?> destination, Func<WorkloadStream, ResolvedModel, UsageDistribution> usageOn)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(usageOn);
        var end = calendar.EndExclusive(calendar.Months);
        var streams = new List<WorkloadStream>();
        var steps = new List<MigrationStep>();
        foreach (var stream in workload.Streams)
        {
            if (stream.Model.Shutdown is not { } shutdown || shutdown >= end)
            {
                streams.Add(stream);
                continue;
            }

            var to = destination(stream.Model) ?? throw new PlannerException(PlannerErrorKind.AfterShutdown,
                $"{stream.Model.BillingId} shuts down on {Date(shutdown)}, inside the horizon ({Date(calendar.Start)} to {Date(end.AddDays(-1))}), and migration is off; name a model to move to or shorten the horizon");
            if (to.Shutdown is { } next && next <= shutdown)
            {
                throw new PlannerException(PlannerErrorKind.AfterShutdown,
                    $"{to.BillingId} cannot take {stream.Model.BillingId}'s traffic: it shuts down on {Date(next)}, no later than {Date(shutdown)}");
            }

            var before = new decimal[calendar.Months];
            var after = new decimal[calendar.Months];
            for (int month = 1; month <= calendar.Months; month++)
            {
                before[month - 1] = calendar.ShareBefore(month, shutdown);
                after[month - 1] = 1m - before[month - 1];
            }

            int holding = calendar.MonthOf(shutdown) ?? 0;
            steps.Add(new MigrationStep(stream.Model.BillingId, to.BillingId, shutdown, holding, holding == 0 ? 0m : before[holding - 1]));
            if (holding != 0 || shutdown >= calendar.Start)
            {
                streams.Add(stream with { MonthShares = Multiply(stream, before) });
            }

            streams.Add(new WorkloadStream(to, stream.Arrivals, usageOn(stream, to)) { MonthShares = Multiply(stream, after) });
        }

        if (steps.Count == 0)
        {
            return (workload, steps);
        }

        var notes = new List<string>(workload.Notes);
        foreach (var step in steps)
        {
            notes.Add(step.Month == 0
                ? $"{step.From} shut down on {Date(step.Shutdown)}, before the horizon: all its traffic is on {step.To}"
                : $"{step.From} shuts down on {Date(step.Shutdown)}: its traffic moves to {step.To} from that day; month {step.Month} is split, {Share(step.ShareBefore)} of it before");
        }

        return (new Workload(streams, notes), steps);
    }

    private static decimal[] Multiply(WorkloadStream stream, decimal[] shares)
    {
        var result = new decimal[shares.Length];
        for (int i = 0; i < shares.Length; i++)
        {
            result[i] = shares[i] * stream.ShareOf(i + 1);
        }

        return result;
    }

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Share(decimal share) => Math.Round(share * 100m, 2).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
