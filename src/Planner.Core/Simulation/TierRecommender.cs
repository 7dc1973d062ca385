using Planner.Core.Catalog;
using Planner.Core.Projection;
using Planner.Core.Traces;

namespace Planner.Core.Simulation;

/// <summary>Replays a trace against every tier in one pass and picks the lowest that meets the objectives.</summary>
public static class TierRecommender
{
    /// <summary>Reads a CSV trace once, feeding every tier's simulator (see the <see cref="IUsageSource"/> overload).</summary>
    public static TierRecommendation Recommend(TraceReader reader, ModelCatalog catalog, SimulationOptions options, RecommendObjectives objectives, Action<TraceReader>? onProgress = null) =>
        Recommend(CsvTraceSource.Wrap(reader), catalog, options, objectives, onProgress is null ? null : _ => onProgress(reader));

    /// <summary>Reads the trace once, feeding every tier's simulator. With more than one core the tiers are simulated
    /// in parallel (<see cref="TracePipeline"/>): the trace is parsed and priced once (a large CSV file in chunks on every
    /// core, whose parsers also sum each chunk's cost; else on the calling thread, each group of tiers summing the whole
    /// trace's cost itself), and the tiers, dealt into groups, replay the same rows; the recommendation is the same as
    /// reading directly.</summary>
    /// <param name="reader">The open trace.</param>
    /// <param name="catalog">The catalog the reader prices with.</param>
    /// <param name="options">Simulation settings; <see cref="SimulationOptions.Tier"/> is ignored (every tier is tried).</param>
    /// <param name="objectives">What a tier must achieve.</param>
    /// <param name="onProgress">Called every 65,536 rows (for progress), or null.</param>
    public static TierRecommendation Recommend(IUsageSource reader, ModelCatalog catalog, SimulationOptions options, RecommendObjectives objectives, Action<IUsageSource>? onProgress = null) =>
        Recommend(reader, catalog, options, objectives, onProgress, TracePipeline.Pays ? Environment.ProcessorCount : 0);

    /// <summary>As the public overload, with the tiers simulated on <paramref name="workers"/> threads (0: directly, on the calling thread).</summary>
    internal static TierRecommendation Recommend(IUsageSource reader, ModelCatalog catalog, SimulationOptions options, RecommendObjectives objectives, Action<IUsageSource>? onProgress, int workers)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(objectives);
        // Every tier of every scheme, each ladder lowest first (ordered by the catalog at load); only the
        // scheme in effect on the trace's first day is judged, so the trace is still read once.
        var ladders = catalog.TierSchedule.Schemes.Select(s => s.Tiers.Select(t => t.Name.Key).ToList()).ToList();
        // The whole trace's cost (every valid row) is the same for every tier: one total per group of tiers, added to after
        // the group's simulators have taken the row (or, fed in chunks, the chunk: the chunk's sums, summed by its parser),
        // and each simulator's OfferedCosts is its group's total rather than a copy it sums itself (under queue their
        // completed cost is read from it too).
        // With workers, each scheme's tiers are dealt round the workers, so whichever scheme the first row picks is
        // spread evenly; each worker replays only that scheme's tiers (the rows are in time order: the first valid
        // row is the earliest).
        int count = workers <= 0 ? 1 : Math.Min(workers, ladders.Max(l => l.Count));
        var groupCosts = new TraceCosts[count];
        var groups = new List<(int Scheme, TraceSimulator Simulator)>[count];
        for (int w = 0; w < count; w++)
        {
            groupCosts[w] = new TraceCosts();
            groups[w] = [];
        }

        var simulators = new TraceSimulator[ladders.Count][];
        for (int s = 0; s < ladders.Count; s++)
        {
            simulators[s] = new TraceSimulator[ladders[s].Count];
            for (int i = 0; i < ladders[s].Count; i++)
            {
                var simulator = new TraceSimulator(catalog, options with { Tier = ladders[s][i] }, groupCosts[i % count]) { ChecksScheme = false, TracksThroughput = false };
                simulator.TrackDelay(objectives.MaxP99Delay);
                simulators[s][i] = simulator;
                groups[i % count].Add((s, simulator));
            }
        }

        var fanouts = new SchemeFanout[count];
        for (int w = 0; w < count; w++)
        {
            fanouts[w] = new SchemeFanout(catalog, groupCosts[w], groups[w]);
        }

        if (workers <= 0)
        {
            reader.ReadAll(fanouts[0], onProgress);
        }
        else
        {
            TracePipeline.ReadAll(reader, fanouts, null, onProgress);
        }

        var costs = groupCosts[0];
        int scheme = costs.First is { } first ? catalog.TierSchedule.Schemes.ToList().IndexOf(catalog.TierSchedule.At(DateOnly.FromDateTime(first.UtcDateTime))) : ladders.Count - 1;
        var tierNames = ladders[scheme];
        var outcomes = simulators[scheme].Select(s => Judge(s.Finish(reader.RowsRead, reader.Rejections), objectives)).ToList();
        var models = costs.ByModel.Select(m => catalog.Resolve(m.Model).Model).Distinct().ToList();
        var projection = costs.MonthlyProjection;
        var ladder = new List<TierVerdict>();
        for (int i = 0; i < tierNames.Count; i++)
        {
            if (TierOf(models, catalog, tierNames[i]) is { } tier)
            {
                var outcome = outcomes[i];
                ladder.Add(new TierVerdict(tier, outcome.MeetsObjectives, tier.Supported && (projection is null || projection.Value <= tier.MonthlyUsageLimit),
                    outcome.MeetsObjectives ? null : outcome.Reason));
            }
        }

        // One rule with project's (TierRule): the recommended tier meets the objectives AND its monthly usage limit
        // covers the projected spend.
        var choice = TierRule.Choose(ladder, projection);
        var recommended = choice.Recommended;
        return new TierRecommendation
        {
            Tiers = outcomes,
            Recommended = recommended,
            Choice = choice,
            NoTierReason = recommended is null ? (costs.Totals.Requests == 0 ? "the trace has no valid rows" : choice.Headline) : null,
            Costs = costs,
            FitsMonthlyLimit = recommended is null || projection is null ? null : projection.Value <= recommended.MonthlyUsageLimit,
            MonthlyLimitTier = choice.SpendTier,
        };
    }

    /// <summary>Whether one tier's simulation meets the objectives, and why.</summary>
    public static TierOutcome Judge(SimulationResult result, RecommendObjectives objectives)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(objectives);
        if (result.Unsupported is { } unsupported)
        {
            return new TierOutcome(result, false, unsupported);
        }

        if (result.LimitRejections.Count > 0)
        {
            return new TierOutcome(result, false, $"{result.LimitRejections.Count:N0} request(s) can never be admitted (TPM charge over the bucket's capacity)");
        }

        if (result.Completed == 0)
        {
            return new TierOutcome(result, false, "no request completed");
        }

        if (result.Options.OnLimit == OnLimit.Queue)
        {
            // Decided exactly when the simulator counted the delays above the objective (TrackDelay): the p99 is at most
            // the objective iff at most n - ceil(0.99 n) delays exceed it. The histogram's p99, shown, reads up to 0.79% high.
            var delays = result.QueueDelay;
            var p99 = delays.Percentile(0.99);
            bool meets = delays.PercentileAtMost(0.99, objectives.MaxP99Delay);
            string counted = delays.Threshold == objectives.MaxP99Delay
                ? $" ({delays.CountAbove:N0} of {delays.Count:N0} delays above {Seconds(objectives.MaxP99Delay)} s)"
                : "";
            return meets
                ? new TierOutcome(result, true, $"p99 queue delay <= {Seconds(objectives.MaxP99Delay)} s{counted}")
                : new TierOutcome(result, false, $"p99 queue delay {Seconds(p99)} s > {Seconds(objectives.MaxP99Delay)} s{counted}");
        }

        if (result.Dropped > 0)
        {
            return new TierOutcome(result, false, $"{result.Dropped:N0} request(s) dropped after {result.Options.Retry.MaxAttempts} attempts");
        }

        return result.ThrottleRate <= objectives.MaxThrottleRate
            ? new TierOutcome(result, true, $"{result.ThrottleRate:P2} of requests throttled <= {objectives.MaxThrottleRate:P2}, none dropped")
            : new TierOutcome(result, false, $"{result.ThrottleRate:P2} of requests throttled > {objectives.MaxThrottleRate:P2}");
    }

    /// <summary>One thread's simulators: on the first row, keeps those of the scheme in effect that day (the only
    /// ones judged) and feeds each row to them, then to the thread's cost total (after them: see
    /// <see cref="TraceSimulator(ModelCatalog, SimulationOptions, TraceCosts?)"/>).</summary>
    /// <remarks>Fed a chunk at a time (<see cref="ITraceChunkSink"/>), it works out what the tiers read of the chunk's rows
    /// (instants, models, charges and latencies: <see cref="ReplayColumns"/>) in one pass, then each tier replays the whole
    /// chunk in turn from those columns (its own state stays in the cache), and the chunk's cost sums, summed by its parser,
    /// are added to the thread's total after every tier took the chunk.</remarks>
    private sealed class SchemeFanout(ModelCatalog catalog, TraceCosts costs, List<(int Scheme, TraceSimulator Simulator)> all) : ITraceChunkSink
    {
        private TraceSimulator[]? _judged;
        private readonly ReplayColumns _columns = new();

        public void AddChunk(TraceRequest[] rows, int count, long linesBefore, TraceCosts chunkCosts)
        {
            if (count > 0)
            {
                var judged = Judged(rows[0]);
                if (judged.Length > 0)
                {
                    // The rows' instants, models, charges and latencies, once for every tier (one latency model).
                    _columns.Fill(rows, count, linesBefore, judged[0]);
                    foreach (var simulator in judged)
                    {
                        simulator.AddChunk(rows, count, _columns);
                    }
                }
            }

            costs.Add(chunkCosts);
        }

        private TraceSimulator[] Judged(in TraceRequest request)
        {
            if (_judged is null)
            {
                var schemes = catalog.TierSchedule.Schemes.ToList();
                int scheme = schemes.IndexOf(catalog.TierSchedule.At(DateOnly.FromDateTime(request.Timestamp.UtcDateTime)));
                _judged = [.. all.Where(s => s.Scheme == scheme).Select(s => s.Simulator)];
            }

            return _judged;
        }

        public void Add(in TraceRequest request)
        {
            var judged = Judged(request);

            // The charge and the latency are the same at every tier (one latency model): worked out once.
            if (judged.Length > 0)
            {
                long charge = TraceSimulator.Charge(request);
                long duration = judged[0].Duration(request);
                foreach (var simulator in judged)
                {
                    simulator.Add(request, charge, duration);
                }
            }

            costs.Add(request);
        }
    }

    private static UsageTier? TierOf(IReadOnlyList<ModelSpec> models, ModelCatalog catalog, string name)
    {
        foreach (var model in models.Count > 0 ? models : catalog.Models)
        {
            if (model.FindTier(name) is { } tier)
            {
                return tier;
            }
        }

        return null;
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
