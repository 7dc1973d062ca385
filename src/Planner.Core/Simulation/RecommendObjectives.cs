namespace Planner.Core.Simulation;

/// <summary>What a tier must achieve to be recommended.</summary>
public sealed record RecommendObjectives
{
    /// <summary>Under queue: the 99th percentile of queue delay at most this. The default value is 1 s. Must be >= 0.</summary>
    public TimeSpan MaxP99Delay { get; init; } = SimulationDefaults.MaxP99Delay;

    /// <summary>Under retry: at most this fraction of requests throttled, and none dropped. The default value is 0.01. Must be in [0, 1].</summary>
    public double MaxThrottleRate { get; init; } = SimulationDefaults.MaxThrottleRate;
}
