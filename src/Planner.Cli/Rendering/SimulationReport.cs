using System.Globalization;
using Planner.Contract.Results;
using Spectre.Console;

namespace Planner.Cli.Rendering;

/// <summary>Renders a simulation: outcomes, queue delay percentiles, throughput against the limits, concurrency.</summary>
public static class SimulationReport
{
    /// <summary>Why a peak minute can exceed its limit, under any table that shows one.</summary>
    private const string OverLimitNote = "* over 100% of the limit in one calendar minute: the buckets start full and refill continuously, so a minute can admit up to a full bucket (limit x burst window / 60 s) plus a minute's refill.";

    /// <summary>The simulation's tables.</summary>
    public static void Render(IAnsiConsole console, SimulateResult result)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        var d = result.QueueDelaySeconds;
        var outcomes = new Table().Border(TableBorder.Rounded).Title($"Tier {result.Tier}, on limit: {result.OnLimit}")
            .AddColumn("Figure").AddColumn(new TableColumn("Value").RightAligned());
        outcomes.AddRow("Completed (billed)", Format.Count(result.Completed));
        outcomes.AddRow("Dropped (not billed)", Format.Count(result.Dropped));
        outcomes.AddRow("Rejected (bad rows + never admissible)", Format.Count(result.Rejected));
        outcomes.AddRow("Throttled attempts (429)", Format.Count(result.ThrottledAttempts));
        outcomes.AddRow("Retries", Format.Count(result.Retries));
        outcomes.AddRow("Queue delay p50 / p95 / p99 / max (s)",
            $"{Seconds(d.P50)} / {Seconds(d.P95)} / {Seconds(d.P99)} / {Seconds(d.Max)}");
        outcomes.AddRow("Peak concurrency", Format.Count(result.PeakConcurrency) + (result.PeakConcurrencyIsUpperBound ? " (upper bound)" : ""));
        outcomes.AddRow("TPM reserved by max_tokens, never used", Format.Count(result.TpmReservedUnusedTokens) + " tokens");
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
            requests.AddRow(Markup.Escape(m.Model), Format.Count(m.RpmLimit), $"{Format.Number(m.MeanAttemptRpm)} ({Pct(m.RpmUtilisationMean)})",
                $"{Format.Count(m.PeakMinuteAttempts)} ({Pct(m.RpmUtilisationPeak)})", Format.Count(m.PeakConcurrency));
            tokens.AddRow(Markup.Escape(m.Model), Format.Count(m.TpmLimit),
                $"{Format.Number(m.MeanTpm, 0)} ({Pct(m.TpmUtilisationMean)})", $"{Format.Count(m.PeakMinuteTpm)} ({Pct(m.TpmUtilisationPeak)})");
        }

        // The explanation travels with the figure, in the table's caption: a peak over 100% is not a bug in the limiter.
        if (result.Models.Any(m => m.RpmUtilisationPeak > 1 || m.RpmUtilisationMean > 1))
        {
            requests.Caption(OverLimitNote, new Style(decoration: Decoration.Dim));
        }

        if (result.Models.Any(m => m.TpmUtilisationPeak > 1 || m.TpmUtilisationMean > 1))
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

            console.MarkupLineInterpolated($"{m.Model}: busiest rolling 60 s {Format.Count(m.PeakRolling60sRequests)} requests and {Format.Count(m.PeakRolling60sTokens)} TPM (busiest calendar minute {Format.Count(m.PeakMinuteRpm)} and {Format.Count(m.PeakMinuteTpm)})");
        }

        TraceReport.RenderRejections(console, result.RejectedByLimits, "Never admissible at this tier");
    }

    /// <summary>Seconds as a plain number with up to 3 decimals.</summary>
    public static string Seconds(double seconds) => seconds.ToString("#,0.###", CultureInfo.InvariantCulture);

    private static string Pct(decimal ratio) => Format.Number(ratio * 100, 1) + (ratio > 1 ? "%*" : "%");
}
