using System.Globalization;
using System.Text;
using Planner.Contract.Results;
using Planner.Web.Charts;
using Planner.Web.Html;
using static Planner.Web.Html.Html;

namespace Planner.Web.Pages;

/// <summary>The Your usage page's recommendation (<see cref="RecommendResult"/>) and simulation (<see cref="SimulateResult"/>,
/// <see cref="ThroughputResult"/>) sections.</summary>
public static partial class UsagePage
{
    private static string RecommendationSection(RecommendResult result)
    {
        var html = new StringBuilder("<section class=\"card\" aria-labelledby=\"recommend-h\"><h2 id=\"recommend-h\">Recommended tier</h2>");
        string objective = result.Objectives.MaxP99DelaySeconds is { } delay
            ? $"every request queues (on_limit = {result.OnLimit}) and the 99th-percentile queue delay is at most {Seconds(delay)}"
            : $"at most {Percent(result.Objectives.MaxThrottleRate ?? 0)} of requests throttled and none dropped (on_limit = {result.OnLimit})";
        if (result.RecommendedTier is not null)
        {
            html.Append($"""
                <div class="kpis">
                <div class="kpi primary"><div class="label">Recommended</div><div class="value" data-figure="recommended_tier">{E(result.RecommendedTierName)}</div><div class="sub">{E(result.RecommendedTierQualification)}</div></div>
                <div class="kpi"><div class="label">Monthly usage limit</div><div class="value">{(result.RecommendedTierMonthlyUsageLimitUsd is { } limit ? Money.Cents(limit) : "—")}</div><div class="sub">{(result.FitsMonthlyUsageLimit switch { true => "your projected month fits under it", false => "your projected month is over it", _ => "no month to project" })}</div></div>
                <div class="kpi"><div class="label">Projected month</div><div class="value">{(result.MonthlyProjectionUsd is { } month ? Money.Cents(month) : "—")}</div><div class="sub">this file's rate over 30 days</div></div>
                </div>
                """);
            if (result.Headline is { } headline)
            {
                html.Append($"<p data-figure=\"recommend_headline\">{E(headline)}</p>");
            }
        }
        else
        {
            html.Append($"<div class=\"banner warn\" role=\"status\"><p data-figure=\"recommended_tier\">No tier: {E(result.Reason)}</p></div>");
        }

        html.Append($"<p class=\"small muted\">The lowest tier where {E(objective)}, and whose monthly usage limit covers the projected month. Every tier of the scheme in effect on the file's first day, replayed against its rate limits:</p>");
        html.Append("<div class=\"table-wrap\"><table><caption class=\"sr-only\">Each tier's outcome</caption><thead><tr><th scope=\"col\">Tier</th><th scope=\"col\">Meets the objective</th><th scope=\"col\" class=\"num\">P99 delay</th><th scope=\"col\" class=\"num\">Max delay</th>");
        html.Append(result.OnLimit == "retry" ? "<th scope=\"col\" class=\"num\">Throttled</th>" : "");
        html.Append("<th scope=\"col\">Why</th></tr></thead><tbody>");
        foreach (var tier in result.Tiers)
        {
            bool recommended = tier.Tier == result.RecommendedTier;
            html.Append($"<tr{(recommended ? " class=\"best\"" : "")}><th scope=\"row\">{E(TierLabel(tier.Tier))}{(recommended ? " <span class=\"badge active\">recommended</span>" : "")}</th><td>{(tier.MeetsObjectives ? "yes" : "no")}</td><td class=\"num\">{Seconds(tier.QueueDelayP99Seconds)}</td><td class=\"num\">{Seconds(tier.QueueDelayMaxSeconds)}</td>{(result.OnLimit == "retry" ? $"<td class=\"num\">{(tier.ThrottledRequests is { } t ? N(t) : "—")}</td>" : "")}<td class=\"small why\">{E(tier.Reason)}</td></tr>");
        }

        html.Append("</tbody></table></div>");
        html.Append(Download(UsageCsv.Recommendation(result), Stem(result.Trace) + "-tiers.csv", "Download CSV"));
        html.Append("</section>");
        return html.ToString();
    }

    private static string SimulationSection(SimulateResult result, ThroughputResult throughput, bool isRecommended)
    {
        var delays = result.QueueDelaySeconds;
        var html = new StringBuilder($"<section class=\"card\" aria-labelledby=\"simulate-h\"><h2 id=\"simulate-h\">Simulation at {E(TierLabel(result.Tier))}{(isRecommended ? " (the recommended tier)" : "")}</h2>");
        html.Append($"""
            <p class="small muted">Every valid row replayed in time order against {E(TierLabel(result.Tier))}'s per-model RPM and TPM limits; on a limit a request {(result.OnLimit == "queue" ? "waits in line (queue)" : "is retried with backoff (retry)")}.</p>
            <div class="kpis">
            <div class="kpi"><div class="label">P50 queue delay</div><div class="value" data-figure="p50">{Seconds(delays.P50)}</div></div>
            <div class="kpi"><div class="label">P95 queue delay</div><div class="value" data-figure="p95">{Seconds(delays.P95)}</div></div>
            <div class="kpi primary"><div class="label">P99 queue delay</div><div class="value" data-figure="p99">{Seconds(delays.P99)}</div><div class="sub">max {Seconds(delays.Max)}</div></div>
            </div>
            <div class="table-wrap"><table><caption class="sr-only">Outcomes</caption><tbody>
            <tr><th scope="row">Completed (billed)</th><td class="num" data-figure="completed">{N(result.Completed)}</td></tr>
            <tr><th scope="row">Throttled attempts (429)</th><td class="num" data-figure="throttled">{N(result.ThrottledAttempts)}</td></tr>
            <tr><th scope="row">Retries</th><td class="num">{N(result.Retries)}</td></tr>
            <tr><th scope="row">Dropped after the last retry (not billed)</th><td class="num">{N(result.Dropped)}</td></tr>
            <tr><th scope="row">Rejected (bad rows, and requests the tier can never admit)</th><td class="num" data-figure="rejected">{N(result.Rejected)}</td></tr>
            <tr><th scope="row">Peak concurrency</th><td class="num">{N(result.PeakConcurrency)}{(result.PeakConcurrencyIsUpperBound ? " (upper bound)" : "")}</td></tr>
            <tr><th scope="row">Max queue delay</th><td class="num" data-figure="max_delay">{Seconds(delays.Max)}</td></tr>
            </tbody></table></div>
            """);
        foreach (var rejection in result.RejectedByLimits.First)
        {
            html.Append($"<div class=\"banner warn\" role=\"status\"><p>line {rejection.Line}: {E(rejection.Message)}</p></div>");
        }

        html.Append("<h3>Throughput against the limits</h3>");
        html.Append("<div class=\"table-wrap\"><table><caption class=\"sr-only\">Per model: the busiest minute (peak RPM and TPM) against the tier's limits</caption><thead><tr><th scope=\"col\">Model</th><th scope=\"col\" class=\"num\">RPM limit</th><th scope=\"col\" class=\"num\">Peak RPM</th><th scope=\"col\" class=\"num\">TPM limit</th><th scope=\"col\" class=\"num\">Peak TPM</th><th scope=\"col\" class=\"num\">Peak use (RPM / TPM)</th></tr></thead><tbody>");
        foreach (var model in result.Models)
        {
            html.Append($"<tr><th scope=\"row\" class=\"nowrap\">{E(model.Model)}</th><td class=\"num\">{N(model.RpmLimit)}</td><td class=\"num\">{N(model.PeakMinuteRpm)}</td><td class=\"num\">{N(model.TpmLimit)}</td><td class=\"num\">{N(model.PeakMinuteTpm)}</td><td class=\"num\">{Percent((double)model.RpmUtilisationPeak)} / {Percent((double)model.TpmUtilisationPeak)}</td></tr>");
        }

        html.Append("</tbody></table></div>");
        int minutes = throughput.Models.Count == 0 ? 0 : throughput.Models.Max(m => m.Minutes.Count);
        if (minutes > 0)
        {
            int span = ThroughputChart.Span(minutes);
            string caption = $"Requests and TPM tokens admitted per minute as a share of {TierLabel(throughput.Tier)}'s limits (the dashed line is the limit), "
                + (span == 1 ? "every minute" : $"each point the busiest minute of {span} minutes")
                + "; the CSV has every minute's figures.";
            html.Append($"<figure class=\"chart throughput\"><div class=\"svg\">{InlineSvg(ThroughputChart.Svg(throughput), "throughput-caption")}</div><figcaption id=\"throughput-caption\" class=\"small muted\">{E(caption)}</figcaption></figure>");
            string stem = Stem(result.Trace) + "-" + TierLabel(result.Tier).Replace(' ', '-').ToLowerInvariant();
            html.Append("<div class=\"downloads\">");
            html.Append(Link(UsageCsv.Simulation(result), "text/csv", stem + "-simulation.csv", "Download CSV"));
            html.Append(Link(UsageCsv.Throughput(throughput), "text/csv", stem + "-per-minute.csv", "Per-minute CSV (the chart's data)"));
            html.Append($"<a class=\"button secondary\" href=\"data:image/png;base64,{Convert.ToBase64String(ThroughputChart.Png(throughput))}\" download=\"{E(stem)}-throughput.png\">Chart PNG</a>");
            html.Append(Link(ThroughputChart.Svg(throughput, withTitle: true), "image/svg+xml", stem + "-throughput.svg", "Chart SVG"));
            html.Append("</div>");
        }

        if (result.Assumptions.Count > 0)
        {
            html.Append("<details><summary>Assumptions of the simulation</summary><ul class=\"notes\">");
            foreach (var a in result.Assumptions)
            {
                html.Append($"<li><span class=\"mono\">{E(a.Name)} = {E(a.Value)}</span>: {Prose(a.Why)}</li>");
            }

            html.Append("</ul></details>");
        }

        html.Append("</section>");
        return html.ToString();
    }

    /// <summary>ScottPlot's SVG document as an element of the page: no XML declaration, scaled to the card's width, named by its caption.</summary>
    private static string InlineSvg(string document, string labelledBy)
    {
        int start = document.IndexOf("<svg", StringComparison.Ordinal);
        string svg = start < 0 ? document : document[start..];
        string open = svg[..svg.IndexOf('>', StringComparison.Ordinal)];
        string width = System.Text.RegularExpressions.Regex.Match(open, "width=\"([0-9.]+)\"").Groups[1].Value;
        string height = System.Text.RegularExpressions.Regex.Match(open, "height=\"([0-9.]+)\"").Groups[1].Value;
        string replaced = System.Text.RegularExpressions.Regex.Replace(open, " (width|height)=\"[0-9.]+\"", "");
        if (!replaced.Contains("viewBox", StringComparison.Ordinal) && width.Length > 0)
        {
            replaced += $" viewBox=\"0 0 {width} {height}\"";
        }

        return replaced + $" width=\"100%\" role=\"img\" aria-labelledby=\"{labelledBy}\"" + svg[open.Length..];
    }

    private static string Download(string csv, string name, string label) =>
        $"<div class=\"downloads\">{Link(csv, "text/csv", name, label)}</div>";

    private static string Link(string text, string type, string name, string label) =>
        $"<a class=\"button secondary\" href=\"data:{type};base64,{Convert.ToBase64String(Encoding.UTF8.GetBytes(text))}\" download=\"{E(name)}\">{E(label)}</a>";

    private static string Stem(string trace) => Path.GetFileNameWithoutExtension(trace) is { Length: > 0 } stem ? stem : "usage";

    /// <summary>"Tier 2", "Launch": a tier key as the catalog names it.</summary>
    private static string TierLabel(string tier) =>
        Planner.Core.Catalog.TierName.TryParse(tier, out var name, out _) ? name.DisplayName : tier;

    private static string Seconds(double? seconds) =>
        seconds is not { } s ? "—" : s < 10 ? s.ToString("0.###", CultureInfo.InvariantCulture) + " s" : s.ToString("#,0.#", CultureInfo.InvariantCulture) + " s";

    private static string Percent(double share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
