using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Core;
using Planner.Core.Catalog;
using Planner.Core.Simulation;
using Planner.Core.Traces;

namespace Planner.Contract.Services;

/// <summary>Runs <c>simulate</c>: replays a usage source against one tier's RPM and TPM limits.</summary>
public static class SimulateService
{
    /// <summary>Simulates <paramref name="source"/> (opened with <c>query.ToTraceOptions(catalog, true, now)</c>).
    /// A tier the trace's models do not support throws <see cref="PlannerException"/>.</summary>
    public static SimulateResult Run(SimulateQuery query, ModelCatalog catalog, IUsageSource source, Action<IUsageSource>? progress = null,
        Action<RequestOutcome>? onOutcome = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var simulation = TraceSimulator.Run(source, catalog, query.ToOptions(query.Tier), progress, onOutcome);
        return FromSimulation(query, catalog, source, simulation);
    }

    /// <summary>The result of a finished simulation of <paramref name="source"/>.</summary>
    public static SimulateResult FromSimulation(SimulateQuery query, ModelCatalog catalog, IUsageSource source, SimulationResult simulation)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(simulation);
        if (simulation.Unsupported is { } reason)
        {
            throw new PlannerException(PlannerErrorKind.TierNotSupported, reason);
        }

        var options = simulation.Options;
        var offered = simulation.OfferedCosts;
        return new SimulateResult(new TracePricedResult(source.Path, simulation.RowsRead, source.Rejections, simulation.Costs))
        {
            ModelOverride = query.ModelOverride,
            Tier = simulation.Tier,
            OnLimit = options.OnLimit == OnLimit.Queue ? "queue" : "retry",
            BurstWindowSeconds = options.BurstWindow.TotalSeconds,
            Seed = options.Seed,
            Completed = simulation.Completed,
            Dropped = simulation.Dropped,
            Rejected = simulation.Rejected,
            RejectedByLimits = RejectionsResult.From(simulation.LimitRejections),
            ThrottledAttempts = simulation.ThrottledAttempts,
            ThrottledRequests = simulation.ThrottledRequests,
            Retries = simulation.Retries,
            ThrottleRate = simulation.ThrottleRate,
            QueueDelaySeconds = QueueDelayResult.From(simulation.QueueDelay),
            Models = [.. simulation.Models.Select(ModelThroughputRow.From)],
            PeakConcurrency = simulation.PeakConcurrency,
            PeakConcurrencyIsUpperBound = simulation.PeakConcurrencyIsUpperBound,
            TpmReservedUnusedTokens = simulation.ReservedUnusedTokens,
            WholeTrace = new WholeTraceResult { Requests = offered.Totals.Requests, TotalUsd = offered.Totals.Total, MonthlyProjectionUsd = offered.MonthlyProjection },
            Warnings = new WarningList().ForTrace(catalog, simulation.Costs).Items,
            Assumptions = SimulationAssumptions.For(query, catalog, source, options).Items,
        };
    }
}
