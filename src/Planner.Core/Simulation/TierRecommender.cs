using Planner.Core.Catalog;
using Planner.Core.Projection;
using Planner.Core.Traces;

namespace Planner.Core.Simulation;

/// <summary>Replays a trace against every tier in one pass and picks the lowest that meets the objectives.</summary>
public static class TierRecommender
{
    /// <summary>Reads the trace once, feeding every tier's simulator.</summary>
    /// <param name="reader">The open trace.</param>
    /// <param name="catalog">The catalog the reader prices with.</param>
    /// <param name="options">Simulation settings; <see cref="SimulationOptions.Tier"/> is ignored (every tier is tried).</param>
    /// <param name="objectives">What a tier must achieve.</param>
    /// <param name="onProgress">Called every 65,536 rows (for progress), or null.</param>
    public static TierRecommendation Recommend(TraceReader reader, ModelCatalog catalog, SimulationOptions options, RecommendObjectives objectives, Action<TraceReader>? onProgress = null)
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
        foreach (var simulator in simulators)
        {
            simulator.TrackDelay(objectives.MaxP99Delay);
        }

        var costs = new TraceCosts();
        reader.ReadAll(new Fanout(costs, simulators), onProgress);

        var outcomes = simulators.Select(s => Judge(s.Finish(reader.RowsRead, reader.Rejections), objectives)).ToList();
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
