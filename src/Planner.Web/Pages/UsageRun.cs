using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Contract.Services;
using Planner.Core;
using Planner.Core.Ingest;
using ReconcileResult = Planner.Contract.Results.ReconcileResult;
using Planner.Core.Simulation;
using Planner.Core.Traces;

namespace Planner.Web.Pages;

/// <summary>Runs the Your usage page's analyses on one read of a file (<see cref="UsageTee"/>), each through the same
/// contract service as the CLI command it stands for: <c>price</c>, <c>recommend</c>, <c>simulate --tier</c> and
/// <c>reconcile</c>, with the CLI's defaults.</summary>
internal static class UsageRun
{
    /// <summary>How the file is opened: as <c>simulate</c> opens it when the page simulates, else as <c>price</c>.</summary>
    public static TraceOptions Options(Site site, UsageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(settings);
        return new PriceQuery().ToTraceOptions(site.Catalog, forSimulation: settings.Simulates, site.Now);
    }

    /// <summary>Every analysis of <paramref name="source"/>, named <paramref name="name"/>; the reconciliation when
    /// <paramref name="billed"/> (read from <paramref name="costs"/>) is given.</summary>
    /// <exception cref="PlannerException">A bad row (file, line, field) or a simulation the file cannot have.</exception>
    public static UsageReport Run(Site site, IUsageSource source, string name, UsageSettings settings, IReadOnlyList<BilledCost>? billed, string? costs,
        CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(settings);
        var catalog = site.Catalog;
        var price = new PriceQuery();
        var recommend = new RecommendQuery();
        var results = UsageTee.Run(source, first =>
        {
            var consumers = new List<Func<IUsageSource, object?>> { view => PriceService.Run(price, catalog, view) with { Trace = name } };
            if (settings.Simulates)
            {
                // The chosen tier, or every tier of the scheme in effect on the first row's day (recommend judges that
                // scheme) so the recommended one's simulation is at hand when the recommendation is.
                var tiers = settings.Tier != UsageSettings.Recommended ? [settings.Tier]
                    : first is { } row ? catalog.TierSchedule.At(DateOnly.FromDateTime(row.Timestamp.UtcDateTime)).Tiers.Select(t => t.Name.Key).ToList()
                    : new List<string>();
                consumers.Add(view => RecommendService.Run(recommend, catalog, view) with { Trace = name });
                consumers.Add(view => Simulate(catalog, view, name, tiers, strict: settings.Tier != UsageSettings.Recommended));
            }

            if (billed is not null)
            {
                consumers.Add(view => ReconcileService.Run(settings.Reconcile, catalog, view, costs!, billed) with { Trace = name });
            }

            return consumers;
        }, cancellation);

        var priced = (PriceResult)results[0]!;
        if (!settings.Simulates)
        {
            return new UsageReport(priced, null, null, null, billed is null ? null : (ReconcileResult?)results[1], null);
        }

        var recommendation = (RecommendResult)results[1]!;
        var simulations = (Dictionary<string, Simulated>)results[2]!;
        string tier = settings.Tier != UsageSettings.Recommended ? settings.Tier
            : recommendation.RecommendedTier ?? simulations.Keys.FirstOrDefault() ?? "";
        var chosen = simulations.GetValueOrDefault(tier);
        return new UsageReport(priced, recommendation, chosen?.Result, chosen?.Throughput, billed is null ? null : (ReconcileResult?)results[3],
            chosen?.Error ?? (chosen is null ? "the file has no valid rows to simulate" : null));
    }

    /// <summary>One tier's simulation (or why it cannot be simulated).</summary>
    internal sealed record Simulated(SimulateResult? Result, ThroughputResult? Throughput, string? Error);

    /// <summary>Simulates every tier of <paramref name="tiers"/> on one read (a simulator each, fed directly: the same
    /// result as <see cref="SimulateService.Run"/>). <paramref name="strict"/>: a tier the file's day does not have is an
    /// input error (the tier was chosen), else it is left out.</summary>
    private static Dictionary<string, Simulated> Simulate(Planner.Core.Catalog.ModelCatalog catalog, IUsageSource view, string name, IReadOnlyList<string> tiers, bool strict)
    {
        var queries = tiers.Select(t => new SimulateQuery { Tier = t }).ToList();
        var timelines = queries.Select(q => new ThroughputTimeline(new TraceSimulator(catalog, q.ToOptions(q.Tier)))).ToList();
        try
        {
            view.ReadAll(new Fanout(timelines));
        }
        catch (PlannerException e) when (strict && e.Kind is PlannerErrorKind.TierNotSupported or PlannerErrorKind.UnknownTier)
        {
            return new() { [tiers[0]] = new Simulated(null, null, e.Message) };
        }

        var simulations = new Dictionary<string, Simulated>(StringComparer.Ordinal);
        for (int i = 0; i < queries.Count; i++)
        {
            var simulator = timelines[i].Simulator;
            try
            {
                var result = SimulateService.FromSimulation(queries[i], catalog, view, simulator.Finish(view.RowsRead, view.Rejections)) with { Trace = name };
                simulations[queries[i].Tier] = new Simulated(result, timelines[i].Result(result), null);
            }
            catch (PlannerException e) when (e.Kind == PlannerErrorKind.TierNotSupported)
            {
                simulations[queries[i].Tier] = new Simulated(null, null, e.Message);
            }
        }

        return simulations;
    }

    /// <summary>Each row to every tier's simulator.</summary>
    private sealed class Fanout(List<ThroughputTimeline> timelines) : ITraceSink
    {
        public void Add(in TraceRequest request)
        {
            foreach (var timeline in timelines)
            {
                timeline.Add(request);
            }
        }
    }
}
