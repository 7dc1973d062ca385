using System.Globalization;
using System.Text.Json;
using Planner.Core.Simulation;
using Spectre.Console;

namespace Planner.Cli.Rendering;

/// <summary>Renders a simulation: outcomes, queue delay percentiles, throughput against the limits, concurrency.</summary>
public static class SimulationReport
{
    /// <summary>The simulation's own fields (the caller writes the trace rows and costs around them).</summary>
    public static void WriteJson(Utf8JsonWriter w, SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(result);
        w.WriteString("tier", result.Tier);
        w.WriteString("on_limit", result.Options.OnLimit == OnLimit.Queue ? "queue" : "retry");
        w.WriteNumber("burst_window_seconds", result.Options.BurstWindow.TotalSeconds);
        w.WriteNumber("seed", result.Options.Seed);
        w.WriteNumber("completed", result.Completed);
        w.WriteNumber("dropped", result.Dropped);
        w.WriteNumber("rejected", result.Rejected);
        w.WriteBoolean("outcomes_balance", result.Completed + result.Dropped + result.Rejected == result.RowsRead);
        TraceReport.WriteRejectionsJson(w, "rejected_by_limits", result.LimitRejections);
        w.WriteNumber("throttled_attempts", result.ThrottledAttempts);
        w.WriteNumber("throttled_requests", result.ThrottledRequests);
        w.WriteNumber("retries", result.Retries);
        w.WriteNumber("throttle_rate", result.ThrottleRate);
        w.WriteStartObject("queue_delay_seconds");
        w.WriteNumber("p50", result.QueueDelay.Percentile(0.50).TotalSeconds);
        w.WriteNumber("p95", result.QueueDelay.Percentile(0.95).TotalSeconds);
        w.WriteNumber("p99", result.QueueDelay.Percentile(0.99).TotalSeconds);
        w.WriteNumber("max", result.QueueDelay.Max.TotalSeconds);
        w.WriteEndObject();
        w.WriteStartArray("models");
        foreach (var model in result.Models)
        {
            w.WriteStartObject();
            w.WriteString("model", model.Model);
            w.WriteNumber("rpm_limit", model.Tier.Rpm?.Value ?? 0);
            w.WriteNumber("tpm_limit", model.Tier.Tpm?.Value ?? 0);
            w.WriteNumber("admitted", model.Admitted);
            w.WriteDecimal("mean_rpm", Math.Round(model.MeanRpm, 3));
            w.WriteNumber("peak_minute_rpm", model.PeakMinuteRequests);
            w.WriteNumber("attempts", model.Attempts);
            w.WriteNumber("peak_minute_attempts", model.PeakMinuteAttempts);
            w.WriteNumber("peak_rolling_60s_requests", model.PeakRollingRequests);
            w.WriteNumber("peak_rolling_60s_tokens", model.PeakRollingTokens);
            w.WriteDecimal("rpm_utilisation_mean", Math.Round(model.MeanRpmUtilisation, 4));
            w.WriteDecimal("rpm_utilisation_peak", Math.Round(model.PeakRpmUtilisation, 4));
            w.WriteDecimal("mean_tpm", Math.Round(model.MeanTpm, 3));
            w.WriteNumber("peak_minute_tpm", model.PeakMinuteTokens);
            w.WriteDecimal("tpm_utilisation_mean", Math.Round(model.MeanTpmUtilisation, 4));
            w.WriteDecimal("tpm_utilisation_peak", Math.Round(model.PeakTpmUtilisation, 4));
            w.WriteNumber("peak_concurrency", model.PeakConcurrency);
            w.WriteNumber("tpm_tokens_charged", model.TokensCharged);
            w.WriteNumber("tpm_reserved_unused_tokens", model.ReservedUnusedTokens);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("peak_concurrency", result.PeakConcurrency);
        w.WriteBoolean("peak_concurrency_is_upper_bound", result.PeakConcurrencyIsUpperBound);
        w.WriteNumber("tpm_reserved_unused_tokens", result.ReservedUnusedTokens);
    }

    /// <summary>Why a peak minute can exceed its limit, under any table that shows one.</summary>
    private const string OverLimitNote = "* over 100% of the limit in one calendar minute: the buckets start full and refill continuously, so a minute can admit up to a full bucket (limit x burst window / 60 s) plus a minute's refill.";

    /// <summary>The simulation's tables.</summary>
    public static void Render(IAnsiConsole console, SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        var d = result.QueueDelay;
        var outcomes = new Table().Border(TableBorder.Rounded).Title($"Tier {result.Tier}, on limit: {(result.Options.OnLimit == OnLimit.Queue ? "queue" : "retry")}")
            .AddColumn("Figure").AddColumn(new TableColumn("Value").RightAligned());
        outcomes.AddRow("Completed (billed)", Format.Count(result.Completed));
        outcomes.AddRow("Dropped (not billed)", Format.Count(result.Dropped));
        outcomes.AddRow("Rejected (bad rows + never admissible)", Format.Count(result.Rejected));
        outcomes.AddRow("Throttled attempts (429)", Format.Count(result.ThrottledAttempts));
        outcomes.AddRow("Retries", Format.Count(result.Retries));
        outcomes.AddRow("Queue delay p50 / p95 / p99 / max (s)",
            $"{TraceReport.Seconds(d.Percentile(0.5))} / {TraceReport.Seconds(d.Percentile(0.95))} / {TraceReport.Seconds(d.Percentile(0.99))} / {TraceReport.Seconds(d.Max)}");
        outcomes.AddRow("Peak concurrency", Format.Count(result.PeakConcurrency) + (result.PeakConcurrencyIsUpperBound ? " (upper bound)" : ""));
        outcomes.AddRow("TPM reserved by max_tokens, never used", Format.Count(result.ReservedUnusedTokens) + " tokens");
        console.Write(outcomes);
        console.MarkupLineInterpolated($"Completed {Format.Count(result.Completed)} + dropped {Format.Count(result.Dropped)} + rejected {Format.Count(result.Rejected)} = {Format.Count(result.RowsRead)} rows read");

        // Two narrow tables, not one of eight columns: requests against RPM, tokens against TPM, each fits 80 columns.
        var requests = new Table().Border(TableBorder.Rounded).Title("Requests against the tier's RPM limit")
            .AddColumn("Model").AddColumn(new TableColumn("RPM limit").RightAligned()).AddColumn(new TableColumn("Mean RPM").RightAligned())
            .AddColumn(new TableColumn("Peak minute").RightAligned()).AddColumn(new TableColumn("Peak in flight").RightAligned());
        var tokens = new Table().Border(TableBorder.Rounded).Title("Tokens against the tier's TPM limit")
            .AddColumn("Model").AddColumn(new TableColumn("TPM limit").RightAligned()).AddColumn(new TableColumn("Mean TPM").RightAligned())
            .AddColumn(new TableColumn("Peak minute").RightAligned());
        foreach (var m in result.Models)
        {
            requests.AddRow(Markup.Escape(m.Model), Format.Count(m.Tier.Rpm?.Value ?? 0), $"{Format.Number(m.MeanAttemptRpm)} ({Pct(m.MeanRpmUtilisation)})",
                $"{Format.Count(m.PeakMinuteAttempts)} ({Pct(m.PeakRpmUtilisation)})", Format.Count(m.PeakConcurrency));
            tokens.AddRow(Markup.Escape(m.Model), Format.Count(m.Tier.Tpm?.Value ?? 0),
                $"{Format.Number(m.MeanTpm, 0)} ({Pct(m.MeanTpmUtilisation)})", $"{Format.Count(m.PeakMinuteTokens)} ({Pct(m.PeakTpmUtilisation)})");
        }

        // The explanation travels with the figure, in the table's caption: a peak over 100% is not a bug in the limiter.
        if (result.Models.Any(m => m.PeakRpmUtilisation > 1 || m.MeanRpmUtilisation > 1))
        {
            requests.Caption(OverLimitNote, new Style(decoration: Decoration.Dim));
        }

        if (result.Models.Any(m => m.PeakTpmUtilisation > 1 || m.MeanTpmUtilisation > 1))
        {
            tokens.Caption(OverLimitNote, new Style(decoration: Decoration.Dim));
        }

        console.Write(requests);
        console.Write(tokens);

        foreach (var m in result.Models)
        {
            if (m.Attempts != m.Admitted)
            {
                console.MarkupLineInterpolated($"{m.Model}: RPM counts what the limiter saw: {Format.Count(m.Attempts)} attempts ({Format.Count(m.Admitted)} admitted, {Format.Count(m.Attempts - m.Admitted)} throttled); {Format.Number(m.MeanRpm)} admitted a minute on average");
            }

            console.MarkupLineInterpolated($"{m.Model}: busiest rolling 60 s {Format.Count(m.PeakRollingRequests)} requests and {Format.Count(m.PeakRollingTokens)} TPM (busiest calendar minute {Format.Count(m.PeakMinuteRequests)} and {Format.Count(m.PeakMinuteTokens)})");
        }

        TraceReport.RenderRejections(console, result.LimitRejections, "Never admissible at this tier");
    }

    /// <summary>The assumptions every simulation rests on.</summary>
    public static Assumptions AddAssumptions(Assumptions assumptions, SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentNullException.ThrowIfNull(options);
        var latency = options.Latency;
        assumptions.Add("time_to_first_token_seconds", latency.TimeToFirstToken.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture),
            "latency model (not documented by OpenAI); set with --ttft");
        assumptions.Add("output_tokens_per_second", latency.OutputTokensPerSecond.ToString("0.###", CultureInfo.InvariantCulture),
            "latency model (not documented by OpenAI); set with --output-tps");
        assumptions.Add("audio_tokens_count_towards_tpm", "true", "not documented by OpenAI (docs/catalog-facts.md)");
        assumptions.Add("burst_window_seconds", options.BurstWindow.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture),
            "each bucket holds limit x window / 60 s and refills at limit / 60 per second; a request over that capacity goes from a full bucket into debt, so any request up to the per-minute limit is admissible; set with --burst-window");
        if (options.OnLimit == OnLimit.Retry)
        {
            var r = options.Retry;
            assumptions.Add("backoff", $"{r.InitialBackoff.TotalSeconds:0.###} s x {r.Factor:0.###}^(k-1), at most {r.MaxBackoff.TotalSeconds:0.###} s, shortened by up to {r.Jitter:0.###} at random, {r.MaxAttempts} attempts",
                "OpenAI's advice; a throttled attempt still takes 1 from the RPM bucket, below zero if need be");
        }

        assumptions.Add("queue_delay_percentiles", "at most 0.79% above the true value", "a fixed-size histogram keeps memory flat; max is exact; recommend decides its p99 objective exactly (delays above it are counted)");
        return assumptions;
    }

    private static string Pct(decimal ratio) => Format.Number(ratio * 100, 1) + (ratio > 1 ? "%*" : "%");
}
