namespace Planner.Core.Regression;

/// <summary>A workload whose cost moved past a threshold.</summary>
/// <param name="Impact">The workload's costs.</param>
/// <param name="Direction">Rise or fall.</param>
/// <param name="ThresholdPercent">The threshold it passed, in %.</param>
public sealed record ThresholdBreach(WorkloadImpact Impact, ThresholdDirection Direction, decimal ThresholdPercent);
