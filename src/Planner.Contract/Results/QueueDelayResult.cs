using Planner.Core.Simulation;

namespace Planner.Contract.Results;

/// <summary>Queue delay percentiles in seconds (within 0.79% of the true value; the max is exact).</summary>
public sealed record QueueDelayResult(double P50, double P95, double P99, double Max)
{
    /// <summary>The percentiles of a delay histogram.</summary>
    public static QueueDelayResult From(DelayHistogram delays)
    {
        ArgumentNullException.ThrowIfNull(delays);
        return new(delays.Percentile(0.50).TotalSeconds, delays.Percentile(0.95).TotalSeconds, delays.Percentile(0.99).TotalSeconds, delays.Max.TotalSeconds);
    }
}
