namespace Planner.Core.Simulation;

/// <summary>Every default of the simulator, in one place (a test pins them).</summary>
public static class SimulationDefaults
{
    /// <summary>Each bucket holds the per-minute limit x burst window / 60 s: 60 s, a full minute.</summary>
    public static readonly TimeSpan BurstWindow = TimeSpan.FromSeconds(60);

    /// <summary>The longest burst window accepted: 3,600 s.</summary>
    public static readonly TimeSpan MaxBurstWindow = TimeSpan.FromHours(1);

    /// <summary>The seed of the backoff jitter: 1.</summary>
    public const int Seed = 1;

    /// <summary>OpenAI's example backoff: 1 s initial wait.</summary>
    public static readonly TimeSpan InitialBackoff = TimeSpan.FromSeconds(1);

    /// <summary>OpenAI's example backoff: each wait doubles.</summary>
    public const double BackoffFactor = 2.0;

    /// <summary>OpenAI's example backoff: at most 60 s between attempts.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    /// <summary>OpenAI's example backoff: at most 6 attempts, the first included.</summary>
    public const int MaxAttempts = 6;

    /// <summary>Each wait is shortened by a random fraction of up to 0.5 of itself (jitter).</summary>
    public const double Jitter = 0.5;

    /// <summary>Latency model (assumption): 0.5 s before the first output token.</summary>
    public static readonly TimeSpan TimeToFirstToken = TimeSpan.FromSeconds(0.5);

    /// <summary>Latency model (assumption): 100 output tokens a second after the first.</summary>
    public const double OutputTokensPerSecond = 100.0;

    /// <summary>recommend under queue: the 99th percentile of queue delay must be at most 1 s.</summary>
    public static readonly TimeSpan MaxP99Delay = TimeSpan.FromSeconds(1);

    /// <summary>recommend under retry: at most 1% of requests may be throttled (and none dropped).</summary>
    public const double MaxThrottleRate = 0.01;
}
