namespace Planner.Core.Simulation;

/// <summary>Random exponential backoff after a 429: attempt k (k >= 1) waits
/// min(Initial x Factor^(k-1), Max) x (1 - Jitter x U), U uniform in [0, 1) from the seeded generator.</summary>
public sealed record RetryPolicy
{
    /// <summary>The first wait. The default value is 1 s. Must be > 0.</summary>
    public TimeSpan InitialBackoff { get; init; } = SimulationDefaults.InitialBackoff;

    /// <summary>How much each wait grows. The default value is 2. Must be >= 1.</summary>
    public double Factor { get; init; } = SimulationDefaults.BackoffFactor;

    /// <summary>The longest wait. The default value is 60 s. Must be >= InitialBackoff.</summary>
    public TimeSpan MaxBackoff { get; init; } = SimulationDefaults.MaxBackoff;

    /// <summary>Attempts in all, the first included; after the last a request is dropped. The default value is 6. Must be >= 1.</summary>
    public int MaxAttempts { get; init; } = SimulationDefaults.MaxAttempts;

    /// <summary>The largest fraction a wait is shortened by at random. The default value is 0.5. Must be in [0, 1].</summary>
    public double Jitter { get; init; } = SimulationDefaults.Jitter;

    /// <summary>What is wrong with these settings, if anything.</summary>
    public IEnumerable<string> Problems()
    {
        if (InitialBackoff <= TimeSpan.Zero)
        {
            yield return $"the initial backoff must be > 0 s, got {InitialBackoff.TotalSeconds} s";
        }

        if (!(Factor >= 1) || double.IsInfinity(Factor))
        {
            yield return $"the backoff factor must be >= 1, got {Factor}";
        }

        if (MaxBackoff < InitialBackoff)
        {
            yield return $"the max backoff ({MaxBackoff.TotalSeconds} s) must be >= the initial backoff ({InitialBackoff.TotalSeconds} s)";
        }

        if (MaxAttempts < 1)
        {
            yield return $"the attempts must be >= 1, got {MaxAttempts}";
        }

        if (!(Jitter is >= 0 and <= 1))
        {
            yield return $"the jitter must be in [0, 1], got {Jitter}";
        }
    }
}
