namespace Planner.Core.Simulation;

/// <summary>How a trace is replayed against a tier's limits.</summary>
public sealed record SimulationOptions
{
    /// <summary>The usage tier ("1" ... "5", "free"; "tier-1" and "Tier 1" work too).</summary>
    public required string Tier { get; init; }

    /// <summary>What happens over a limit. The default value is <see cref="Simulation.OnLimit.Queue"/>.</summary>
    public OnLimit OnLimit { get; init; } = OnLimit.Queue;

    /// <summary>Each bucket's capacity is the per-minute limit x BurstWindow / 60 s, modelling sub-minute
    /// enforcement. The default value is 60 s. Must be > 0 and at most 3,600 s.</summary>
    public TimeSpan BurstWindow { get; init; } = SimulationDefaults.BurstWindow;

    /// <summary>Seeds the backoff jitter: the same seed gives the same result. The default value is 1.</summary>
    public int Seed { get; init; } = SimulationDefaults.Seed;

    /// <summary>Backoff under <see cref="Simulation.OnLimit.Retry"/>.</summary>
    public RetryPolicy Retry { get; init; } = new();

    /// <summary>How long admitted requests take (for concurrency).</summary>
    public LatencyModel Latency { get; init; } = new();

    /// <summary>Every problem with these settings, all at once.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Tier))
        {
            problems.Add("a tier is required, e.g. 1");
        }

        if (BurstWindow <= TimeSpan.Zero || BurstWindow > SimulationDefaults.MaxBurstWindow)
        {
            problems.Add($"the burst window must be > 0 s and at most {SimulationDefaults.MaxBurstWindow.TotalSeconds:0} s, got {BurstWindow.TotalSeconds} s");
        }

        problems.AddRange(Retry.Problems());
        problems.AddRange(Latency.Problems());
        return problems;
    }
}
