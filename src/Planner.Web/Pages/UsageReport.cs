using Planner.Contract.Results;

namespace Planner.Web.Pages;

/// <summary>Everything the Your usage page shows for one file, each part a contract record: the price, the tier
/// recommendation, the simulation at the chosen tier with its throughput per minute, and the reconciliation when a
/// Costs export came too. A part is null when it was not asked for; <see cref="SimulationError"/> says why the
/// chosen tier could not be simulated.</summary>
internal sealed record UsageReport(PriceResult Price, RecommendResult? Recommendation, SimulateResult? Simulation, ThroughputResult? Throughput,
    ReconcileResult? Reconciliation, string? SimulationError);
