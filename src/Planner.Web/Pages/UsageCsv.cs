using System.Globalization;
using System.Text;
using Planner.Contract.Results;

namespace Planner.Web.Pages;

/// <summary>The Your usage page's CSV downloads, each written from its contract record (exact money, invariant
/// culture). The CLI has no CSV of these commands (its <c>--json</c> is the same record), so the writers live here.</summary>
internal static class UsageCsv
{
    /// <summary>The simulation's outcome: one row per figure, then one per model and figure.</summary>
    public static string Simulation(SimulateResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = new StringBuilder("model,figure,value\n");
        void Row(string model, string figure, object value) => csv.Append(CultureInfo.InvariantCulture, $"{Cell(model)},{figure},{Convert.ToString(value, CultureInfo.InvariantCulture)}\n");
        Row("", "tier", result.Tier);
        Row("", "on_limit", result.OnLimit);
        Row("", "rows_read", result.RowsRead);
        Row("", "completed", result.Completed);
        Row("", "dropped", result.Dropped);
        Row("", "rejected", result.Rejected);
        Row("", "rejected_by_limits", result.RejectedByLimits.Count);
        Row("", "throttled_attempts", result.ThrottledAttempts);
        Row("", "throttled_requests", result.ThrottledRequests);
        Row("", "retries", result.Retries);
        Row("", "throttle_rate", result.ThrottleRate);
        Row("", "queue_delay_p50_seconds", result.QueueDelaySeconds.P50);
        Row("", "queue_delay_p95_seconds", result.QueueDelaySeconds.P95);
        Row("", "queue_delay_p99_seconds", result.QueueDelaySeconds.P99);
        Row("", "queue_delay_max_seconds", result.QueueDelaySeconds.Max);
        Row("", "peak_concurrency", result.PeakConcurrency);
        Row("", "completed_cost_usd", Downloads.Exact(result.TotalUsd));
        foreach (var model in result.Models)
        {
            Row(model.Model, "rpm_limit", model.RpmLimit);
            Row(model.Model, "tpm_limit", model.TpmLimit);
            Row(model.Model, "admitted", model.Admitted);
            Row(model.Model, "peak_minute_rpm", model.PeakMinuteRpm);
            Row(model.Model, "peak_minute_tpm", model.PeakMinuteTpm);
            Row(model.Model, "rpm_utilisation_peak", model.RpmUtilisationPeak);
            Row(model.Model, "tpm_utilisation_peak", model.TpmUtilisationPeak);
        }

        return csv.ToString();
    }

    /// <summary>The throughput per minute (the chart's data, every minute): model, minute, requests, tokens, the limits.</summary>
    public static string Throughput(ThroughputResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = new StringBuilder("model,minute_utc,requests,tpm_tokens,rpm_limit,tpm_limit\n");
        foreach (var model in result.Models)
        {
            foreach (var minute in model.Minutes)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{Cell(model.Model)},{minute.Minute.UtcDateTime:yyyy-MM-ddTHH:mmZ},{minute.Requests},{minute.Tokens},{model.RpmLimit},{model.TpmLimit}\n");
            }
        }

        return csv.ToString();
    }

    /// <summary>Every tier's outcome, the recommended one marked.</summary>
    public static string Recommendation(RecommendResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = new StringBuilder("tier,recommended,meets_objectives,reason,completed,dropped,rejected,throttled_requests,throttle_rate,queue_delay_p99_seconds,queue_delay_max_seconds,peak_concurrency\n");
        foreach (var tier in result.Tiers)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{Cell(tier.Tier)},{(tier.Tier == result.RecommendedTier ? "true" : "false")},{(tier.MeetsObjectives ? "true" : "false")},{Cell(tier.Reason)},{tier.Completed},{tier.Dropped},{tier.Rejected},{tier.ThrottledRequests},{tier.ThrottleRate},{tier.QueueDelayP99Seconds},{tier.QueueDelayMaxSeconds},{tier.PeakConcurrency}\n");
        }

        return csv.ToString();
    }

    /// <summary>The reconciliation: each line item, then each day, then the unparsed billed items and the totals.</summary>
    public static string Reconciliation(ReconcileResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = new StringBuilder("row,day,model,meter,line_item,planner_usd,billed_usd,difference_usd,beyond_tolerance\n");
        foreach (var item in result.LineItems)
        {
            csv.Append(CultureInfo.InvariantCulture, $"line_item,{item.Day:yyyy-MM-dd},{Cell(item.Model)},{item.Meter},{Cell(item.LineItem ?? "")},{Downloads.Exact(item.PlannerUsd)},{Downloads.Exact(item.BilledUsd)},{Downloads.Exact(item.DifferenceUsd)},{(item.Exceeded ? "true" : "false")}\n");
        }

        foreach (var day in result.Days)
        {
            csv.Append(CultureInfo.InvariantCulture, $"day,{day.Day:yyyy-MM-dd},,,,{Downloads.Exact(day.PlannerUsd)},{Downloads.Exact(day.BilledUsd)},{Downloads.Exact(day.DifferenceUsd)},{(day.Exceeded ? "true" : "false")}\n");
        }

        foreach (var item in result.Unparsed)
        {
            csv.Append(CultureInfo.InvariantCulture, $"unparsed,{item.Day:yyyy-MM-dd},,,{Cell(item.LineItem ?? "")},,{Downloads.Exact(item.BilledUsd)},,\n");
        }

        csv.Append(CultureInfo.InvariantCulture, $"total,,,,,{Downloads.Exact(result.PlannerUsd)},{Downloads.Exact(result.BilledUsd)},{Downloads.Exact(result.DifferenceUsd)},{(result.Matches ? "false" : "true")}\n");
        return csv.ToString();
    }

    /// <summary>A CSV cell: quoted when it holds a comma, quote or line break.</summary>
    private static string Cell(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
