using System.ComponentModel;
using Planner.Contract.Queries;
using Planner.Core.Simulation;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary>Options shared by <c>simulate</c> and <c>recommend</c>: limiter behaviour, backoff and latency.</summary>
public class SimulationSettings : TraceSettings
{
    [CommandOption("--on-limit <queue|retry>")]
    [Description("queue: a client-side limiter, requests wait first come first served; retry: 429 and random exponential backoff. The default value is queue.")]
    [DefaultValue("queue")]
    public string OnLimit { get; init; } = "queue";

    [CommandOption("--burst-window <S>")]
    [Description("Each bucket holds limit x S / 60 (sub-minute enforcement). The default value is 60. Must be > 0 and <= 3600.")]
    [DefaultValue(60.0)]
    public double BurstWindow { get; init; } = 60;

    [CommandOption("--seed <N>")]
    [Description("Seeds the backoff jitter: the same seed gives the same result. The default value is 1.")]
    [DefaultValue(SimulationDefaults.Seed)]
    public int Seed { get; init; } = SimulationDefaults.Seed;

    [CommandOption("--retry-initial <S>")]
    [Description("First backoff in seconds. The default value is 1.")]
    [DefaultValue(1.0)]
    public double RetryInitial { get; init; } = 1;

    [CommandOption("--retry-factor <F>")]
    [Description("Backoff growth per attempt. The default value is 2.")]
    [DefaultValue(SimulationDefaults.BackoffFactor)]
    public double RetryFactor { get; init; } = SimulationDefaults.BackoffFactor;

    [CommandOption("--retry-max <S>")]
    [Description("Longest backoff in seconds. The default value is 60.")]
    [DefaultValue(60.0)]
    public double RetryMax { get; init; } = 60;

    [CommandOption("--retry-attempts <N>")]
    [Description("Attempts in all, the first included; then the request is dropped. The default value is 6.")]
    [DefaultValue(SimulationDefaults.MaxAttempts)]
    public int RetryAttempts { get; init; } = SimulationDefaults.MaxAttempts;

    [CommandOption("--retry-jitter <F>")]
    [Description("Each backoff is shortened by a random fraction up to F. The default value is 0.5. Must be between 0 and 1.")]
    [DefaultValue(SimulationDefaults.Jitter)]
    public double RetryJitter { get; init; } = SimulationDefaults.Jitter;

    [CommandOption("--ttft <S>")]
    [Description("Latency model: seconds to the first output token (assumption). The default value is 0.5.")]
    [DefaultValue(0.5)]
    public double TimeToFirstToken { get; init; } = 0.5;

    [CommandOption("--output-tps <N>")]
    [Description("Latency model: output tokens generated a second (assumption). The default value is 100.")]
    [DefaultValue(SimulationDefaults.OutputTokensPerSecond)]
    public double OutputTokensPerSecond { get; init; } = SimulationDefaults.OutputTokensPerSecond;

    /// <summary><paramref name="query"/> with this command line's simulation and trace-reading fields.</summary>
    protected T WithSimulation<T>(T query)
        where T : SimulationQuery
    {
        SimulationQuery simulation = WithTrace(query);
        return (T)(simulation with
        {
            OnLimit = OnLimit,
            BurstWindow = BurstWindow,
            Seed = Seed,
            RetryInitial = RetryInitial,
            RetryFactor = RetryFactor,
            RetryMax = RetryMax,
            RetryAttempts = RetryAttempts,
            RetryJitter = RetryJitter,
            Ttft = TimeToFirstToken,
            OutputTps = OutputTokensPerSecond,
        });
    }
}
