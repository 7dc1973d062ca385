using System.Globalization;
using Planner.Core.Simulation;

namespace Planner.Contract.Queries;

/// <summary>The part of a query <c>simulate</c> and <c>recommend</c> share: what the client does on a limit, the
/// limiter's burst window, backoff and the latency model.</summary>
public record SimulationQuery : TraceQuery
{
    /// <summary>queue (a client-side limiter, first come first served) or retry (429 and random exponential backoff).
    /// The default value is queue.</summary>
    public string OnLimit { get; init; } = "queue";

    /// <summary>Each bucket holds limit x S / 60, in seconds. The default value is 60. Must be > 0 and at most 3600.</summary>
    public double BurstWindow { get; init; } = 60;

    /// <summary>Seeds the backoff jitter. The default value is 1.</summary>
    public int Seed { get; init; } = SimulationDefaults.Seed;

    /// <summary>First backoff in seconds. The default value is 1.</summary>
    public double RetryInitial { get; init; } = 1;

    /// <summary>Backoff growth per attempt. The default value is 2.</summary>
    public double RetryFactor { get; init; } = SimulationDefaults.BackoffFactor;

    /// <summary>Longest backoff in seconds. The default value is 60.</summary>
    public double RetryMax { get; init; } = 60;

    /// <summary>Attempts in all, the first included. The default value is 6.</summary>
    public int RetryAttempts { get; init; } = SimulationDefaults.MaxAttempts;

    /// <summary>Each backoff is shortened by a random fraction up to this. The default value is 0.5. Must be 0 to 1.</summary>
    public double RetryJitter { get; init; } = SimulationDefaults.Jitter;

    /// <summary>Latency model: seconds to the first output token (assumption). The default value is 0.5.</summary>
    public double Ttft { get; init; } = 0.5;

    /// <summary>Latency model: output tokens generated a second (assumption). The default value is 100.</summary>
    public double OutputTps { get; init; } = SimulationDefaults.OutputTokensPerSecond;

    /// <summary>Every problem of the query at once: the simulation fields and the trace fields.</summary>
    public override IReadOnlyList<FieldError> Validate() => [.. SimulationErrors(), .. TraceErrors()];

    /// <summary>Every problem of the simulation fields, in field order.</summary>
    public IReadOnlyList<FieldError> SimulationErrors()
    {
        var errors = new List<FieldError>();
        var invariant = CultureInfo.InvariantCulture;
        if (OnLimit is not ("queue" or "retry"))
        {
            errors.Add(new("on_limit", $"on_limit must be queue or retry, got '{OnLimit}'"));
        }

        var outOfRange = new HashSet<string>(StringComparer.Ordinal);
        double most = TimeSpan.MaxValue.TotalSeconds / 2;
        foreach (var (name, value) in new[] { ("burst_window", BurstWindow), ("retry_initial", RetryInitial), ("retry_max", RetryMax), ("ttft", Ttft) })
        {
            if (!double.IsFinite(value) || value < 0 || value > most)
            {
                outOfRange.Add(name);
                errors.Add(new(name, string.Create(invariant, $"{name} must be a number of seconds from 0 to {Math.Floor(most):#,0}, got {value}")));
            }
        }

        if (!outOfRange.Contains("burst_window") && (BurstWindow <= 0 || BurstWindow > SimulationDefaults.MaxBurstWindow.TotalSeconds))
        {
            errors.Add(new("burst_window", string.Create(invariant, $"burst_window must be > 0 s and at most {SimulationDefaults.MaxBurstWindow.TotalSeconds:0} s, got {BurstWindow} s")));
        }

        if (!outOfRange.Contains("retry_initial") && RetryInitial <= 0)
        {
            errors.Add(new("retry_initial", string.Create(invariant, $"retry_initial must be > 0 s, got {RetryInitial} s")));
        }

        if (!(RetryFactor >= 1) || double.IsInfinity(RetryFactor))
        {
            errors.Add(new("retry_factor", string.Create(invariant, $"retry_factor must be >= 1, got {RetryFactor}")));
        }

        if (!outOfRange.Contains("retry_initial") && !outOfRange.Contains("retry_max") && RetryMax < RetryInitial)
        {
            errors.Add(new("retry_max", string.Create(invariant, $"retry_max ({RetryMax} s) must be >= retry_initial ({RetryInitial} s)")));
        }

        if (RetryAttempts < 1)
        {
            errors.Add(new("retry_attempts", string.Create(invariant, $"retry_attempts must be >= 1, got {RetryAttempts}")));
        }

        if (!(RetryJitter is >= 0 and <= 1))
        {
            errors.Add(new("retry_jitter", string.Create(invariant, $"retry_jitter must be in [0, 1], got {RetryJitter}")));
        }

        if (!(OutputTps > 0) || double.IsInfinity(OutputTps))
        {
            errors.Add(new("output_tps", string.Create(invariant, $"output_tps must be > 0 tokens/s, got {OutputTps}")));
        }

        return errors;
    }

    /// <summary>The simulation options of a validated query for <paramref name="tier"/>.</summary>
    public SimulationOptions ToOptions(string tier) => new()
    {
        Tier = tier,
        OnLimit = OnLimit == "retry" ? Core.Simulation.OnLimit.Retry : Core.Simulation.OnLimit.Queue,
        BurstWindow = TimeSpan.FromSeconds(BurstWindow),
        Seed = Seed,
        Retry = new RetryPolicy
        {
            InitialBackoff = TimeSpan.FromSeconds(RetryInitial),
            Factor = RetryFactor,
            MaxBackoff = TimeSpan.FromSeconds(RetryMax),
            MaxAttempts = RetryAttempts,
            Jitter = RetryJitter,
        },
        Latency = new LatencyModel { TimeToFirstToken = TimeSpan.FromSeconds(Ttft), OutputTokensPerSecond = OutputTps },
    };
}
