using Planner.Core.Catalog;
using Planner.Core.Traces;

namespace Planner.Core.Simulation;

/// <summary>Replays a trace against every tier in one pass and picks the lowest that meets the objectives.</summary>
public static class TierRecommender
{
    /// <summary>Reads a CSV trace once, feeding every tier's simulator (see the <see cref="IUsageSource"/> overload).</summary>
    public static TierRecommendation Recommend(TraceReader reader, ModelCatalog catalog, SimulationOptions options, RecommendObjectives objectives, Action<TraceReader>? onProgress = null) =>
        Recommend(CsvTraceSource.Wrap(reader), catalog, options, objectives, onProgress is null ? null : _ => onProgress(reader));

    /// <summary>Reads the trace once, feeding every tier's simulator.</summary>
    /// <param name="reader">The open trace.</param>
    /// <param name="catalog">The catalog the reader prices with.</param>
    /// <param name="options">Simulation settings; <see cref="SimulationOptions.Tier"/> is ignored (every tier is tried).</param>
    /// <param name="objectives">What a tier must achieve.</param>
    /// <param name="onProgress">Called every 65,536 rows (for progress), or null.</param>
    public static TierRecommendation Recommend(IUsageSource reader, ModelCatalog catalog, SimulationOptions options, RecommendObjectives objectives, Action<IUsageSource>? onProgress = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(objectives);
        // Lowest first, whatever order the catalog lists them in: "free", then 1, 2, ... (the catalog allows only these names).
        var tierNames = catalog.Models.SelectMany(m => m.Tiers).Select(t => t.Name).Distinct()
            .OrderBy(name => int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) ? n : 0)
            .ToList();
        var simulators = tierNames.Select(name => new TraceSimulator(catalog, options with { Tier = name })).ToArray();
        var costs = new TraceCosts();
        reader.ReadAll(new Fanout(costs, simulators), onProgress);

        var outcomes = simulators.Select(s => Judge(s.Finish(reader.RowsRead, reader.Rejections), objectives)).ToList();
        var models = costs.ByModel.Select(m => catalog.Resolve(m.Model).Model).Distinct().ToList();
        var chosen = outcomes.FirstOrDefault(o => o.MeetsObjectives);
        UsageTier? recommended = chosen is null ? null : TierOf(models, catalog, chosen.Result.Tier);
        var projection = costs.MonthlyProjection;
        bool? fits = recommended is null || projection is null ? null : projection.Value <= recommended.MonthlyUsageLimit;
        UsageTier? limitTier = projection is null ? null : tierNames
            .Select(name => TierOf(models, catalog, name))
            .FirstOrDefault(t => t is not null && t.Supported && projection.Value <= t.MonthlyUsageLimit);
        return new TierRecommendation
        {
            Tiers = outcomes,
            Recommended = recommended,
            NoTierReason = chosen is null ? (costs.Totals.Requests == 0 ? "the trace has no valid rows" : "no tier meets the objectives: " + outcomes[^1].Reason) : null,
            Costs = costs,
            FitsMonthlyLimit = fits,
            MonthlyLimitTier = limitTier,
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
            var p99 = result.QueueDelay.Percentile(0.99);
            return p99 <= objectives.MaxP99Delay
                ? new TierOutcome(result, true, $"p99 queue delay {Seconds(p99)} s <= {Seconds(objectives.MaxP99Delay)} s")
                : new TierOutcome(result, false, $"p99 queue delay {Seconds(p99)} s > {Seconds(objectives.MaxP99Delay)} s");
        }

        if (result.Dropped > 0)
        {
            return new TierOutcome(result, false, $"{result.Dropped:N0} request(s) dropped after {result.Options.Retry.MaxAttempts} attempts");
        }

        return result.ThrottleRate <= objectives.MaxThrottleRate
            ? new TierOutcome(result, true, $"{result.ThrottleRate:P2} of requests throttled <= {objectives.MaxThrottleRate:P2}, none dropped")
            : new TierOutcome(result, false, $"{result.ThrottleRate:P2} of requests throttled > {objectives.MaxThrottleRate:P2}");
    }

    /// <summary>Feeds each row to the cost totals and every tier's simulator.</summary>
    private sealed class Fanout(TraceCosts costs, TraceSimulator[] simulators) : ITraceSink
    {
        public void Add(in TraceRequest request)
        {
            costs.Add(request);
            foreach (var simulator in simulators)
            {
                simulator.Add(request);
            }
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
