namespace Planner.Core.Simulation;

/// <summary>One tier's simulation and whether it meets the objectives.</summary>
/// <param name="Result">The simulation.</param>
/// <param name="MeetsObjectives">True when the tier carries the trace within the objectives.</param>
/// <param name="Reason">Why it does or does not, in words.</param>
public sealed record TierOutcome(SimulationResult Result, bool MeetsObjectives, string Reason);
