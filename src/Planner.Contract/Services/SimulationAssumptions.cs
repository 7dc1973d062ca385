using System.Globalization;
using Planner.Contract.Results;
using Planner.Core.Simulation;

namespace Planner.Contract.Services;

/// <summary>The assumptions every simulation (simulate, recommend) rests on.</summary>
public static class SimulationAssumptions
{
    /// <summary>Adds the latency model, audio counting toward TPM, the burst window, the backoff and the percentiles' precision.</summary>
    public static AssumptionList Add(AssumptionList assumptions, SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentNullException.ThrowIfNull(options);
        var invariant = CultureInfo.InvariantCulture;
        var latency = options.Latency;
        assumptions.Add("time_to_first_token_seconds", latency.TimeToFirstToken.TotalSeconds.ToString("0.###", invariant),
            "latency model (not documented by OpenAI); set with `ttft`");
        assumptions.Add("output_tokens_per_second", latency.OutputTokensPerSecond.ToString("0.###", invariant),
            "latency model (not documented by OpenAI); set with output_tps");
        // One key per condition across commands: capacity and call state the same assumption as audio_counts_toward_tpm.
        assumptions.AddAudioCountsTowardTpm();
        assumptions.Add("burst_window_seconds", options.BurstWindow.TotalSeconds.ToString("0.###", invariant),
            "each bucket holds limit x window / 60 s and refills at limit / 60 per second; a request over that capacity goes from a full bucket into debt, so any request up to the per-minute limit is admissible; set with burst_window");
        if (options.OnLimit == OnLimit.Retry)
        {
            var r = options.Retry;
            assumptions.Add("backoff", string.Create(invariant, $"{r.InitialBackoff.TotalSeconds:0.###} s x {r.Factor:0.###}^(k-1), at most {r.MaxBackoff.TotalSeconds:0.###} s, shortened by up to {r.Jitter:0.###} at random, {r.MaxAttempts} attempts"),
                "OpenAI's advice; a throttled attempt still takes 1 from the RPM bucket, below zero if need be");
        }

        assumptions.Add("queue_delay_percentiles", "at most 0.79% above the true value", "a fixed-size histogram keeps memory flat; max is exact; recommend decides its p99 objective exactly (delays above it are counted)");
        return assumptions;
    }

    /// <summary>The assumptions of a simulation of <paramref name="source"/>: how it was read, audio rates, and the simulation's.</summary>
    public static AssumptionList For(Queries.TraceQuery query, Planner.Core.Catalog.ModelCatalog catalog, Planner.Core.Traces.IUsageSource source, SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(source);
        return Add(new AssumptionList().AddAudioRates(query.Rates(catalog), source.ConvertedAudioSeconds).AddSource(source), options);
    }
}
