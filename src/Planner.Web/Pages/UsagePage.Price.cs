using System.Globalization;
using System.Text;
using Planner.Core.Catalog;
using Planner.Contract.Results;
using Planner.Web.Html;
using static Planner.Web.Html.Html;

namespace Planner.Web.Pages;

/// <summary>The Your usage page's cost report (the <see cref="PriceResult"/>).</summary>
public static partial class UsagePage
{
    /// <summary>The cost's headline: the file, its warnings, the total, the requests and the month.</summary>
    private static string PriceSummary(PriceResult report)
    {
        var html = new StringBuilder();
        html.Append($"<p class=\"small muted\">{E(report.Trace)} · {Money.Count(report.RowsRead)} rows, {Money.Count(report.RowsPriced)} priced{(report.FirstRequest is { } f && report.LastRequest is { } l ? $" · {f.UtcDateTime:yyyy-MM-dd HH:mm} to {l.UtcDateTime:yyyy-MM-dd HH:mm} UTC" : "")}</p>");
        foreach (var warning in report.Warnings)
        {
            html.Append($"<div class=\"banner warn\" role=\"status\"><p><strong>{E(warning.Key)}</strong>: {Prose(warning.Message)}</p></div>");
        }

        var total = report.TotalUsd;
        html.Append($"""
            <div class="kpis">
            <div class="kpi primary"><div class="label">Total</div><div class="value" data-figure="total">{Money.Cents(total)}</div><div class="sub">exact: {E(Money.Exact(total))}</div></div>
            <div class="kpi"><div class="label">Requests</div><div class="value" data-figure="requests">{Money.Count(report.RequestsBilled)}</div><div class="sub">per request {Money.Unit(report.RequestsBilled == 0 ? total : total / report.RequestsBilled)}</div></div>
            <div class="kpi"><div class="label">30-day month</div><div class="value" data-figure="month">{(report.MonthlyProjectionUsd is { } m ? Money.Cents(m) : "—")}</div><div class="sub">at this file's rate</div></div>
            </div>
            """);
        if (report.MonthlyProjectionCaveat is { } caveat)
        {
            html.Append($"<div class=\"banner info\"><p>{E(caveat)}</p></div>");
        }

        return html.ToString();
    }

    /// <summary>The cost by model, meter, hour and day, and its CSV.</summary>
    private static string PriceDetails(PriceResult report)
    {
        var html = new StringBuilder();
        var total = report.TotalUsd;
        html.Append("<section class=\"card\" aria-labelledby=\"bymodel-h\"><h2 id=\"bymodel-h\">By model</h2><div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Model</th><th scope=\"col\" class=\"num\">Requests</th><th scope=\"col\" class=\"num\">Cost</th><th scope=\"col\" class=\"num\">Share</th></tr></thead><tbody>");
        foreach (var row in report.ByModel.OrderByDescending(x => x.TotalUsd.Value))
        {
            html.Append($"<tr><th scope=\"row\">{E(row.Model)}</th><td class=\"num\">{Money.Count(row.Requests)}</td><td class=\"num\">{Money.Cents(row.TotalUsd)}</td><td class=\"num\">{Share(row.TotalUsd.Value, total.Value)}</td></tr>");
        }

        html.Append($"<tr class=\"total\"><th scope=\"row\">Total</th><td class=\"num\">{Money.Count(report.RequestsBilled)}</td><td class=\"num\">{Money.Cents(total)}</td><td class=\"num\">100%</td></tr></tbody></table></div></section>");

        html.Append("<section class=\"card\" aria-labelledby=\"bymeter-h\"><h2 id=\"bymeter-h\">By meter</h2><div class=\"table-wrap\"><table class=\"bars\"><thead><tr><th scope=\"col\">Meter</th><th scope=\"col\" class=\"num\">Tokens</th><th scope=\"col\" class=\"num\">Cost</th><th scope=\"col\"><span class=\"sr-only\">Share</span></th></tr></thead><tbody>");
        foreach (var info in MeterTable.All)
        {
            if (report.Tokens[info.Meter] == 0)
            {
                continue;
            }

            html.Append($"<tr><th scope=\"row\">{E(info.Label)}</th><td class=\"num\">{Money.Count(report.Tokens[info.Meter])}</td><td class=\"num\">{Money.Cents(report.ByMeterUsd[info.Meter])}</td><td class=\"barcell\"><div class=\"bar\">{Bar(report.ByMeterUsd[info.Meter].Value, total.Value)}</div></td></tr>");
        }

        html.Append("</tbody></table></div></section>");
        html.Append(HourChart(report.PerHour));
        html.Append("<section class=\"card\" aria-labelledby=\"byday-h\"><h2 id=\"byday-h\">By day</h2><div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Day (UTC)</th><th scope=\"col\" class=\"num\">Requests</th><th scope=\"col\" class=\"num\">Cost</th></tr></thead><tbody>");
        foreach (var day in report.PerDay)
        {
            html.Append($"<tr><th scope=\"row\">{day.Start.UtcDateTime:yyyy-MM-dd}</th><td class=\"num\">{Money.Count(day.Requests)}</td><td class=\"num\">{Money.Cents(day.TotalUsd)}</td></tr>");
        }

        html.Append("</tbody></table></div>");
        string csv = Convert.ToBase64String(Encoding.UTF8.GetBytes(Csv(report)));
        html.Append($"<div class=\"downloads\"><a class=\"button secondary\" href=\"data:text/csv;base64,{csv}\" download=\"{E(Path.GetFileNameWithoutExtension(report.Trace))}-cost.csv\">Download CSV</a></div></section>");
        return html.ToString();
    }

    /// <summary>The cost per hour as bars (SVG drawn with attributes only, so the page needs no inline style).</summary>
    private static string HourChart(IReadOnlyList<TimeBucketRow> hours)
    {
        if (hours.Count == 0)
        {
            return "";
        }

        decimal max = hours.Max(h => h.TotalUsd.Value);
        const int width = 800, height = 190, left = 56, bottom = 22, top = 12;
        double step = (width - left) / (double)hours.Count;
        var svg = new StringBuilder($"<svg viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" aria-labelledby=\"byhour-h\" class=\"hours\">");
        for (int i = 0; i <= 4; i++)
        {
            double y = top + ((height - bottom - top) * (1 - (i / 4.0)));
            decimal value = max * i / 4;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{width}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#e5e7eb\"/><text x=\"{left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"11\" fill=\"#6b7280\">{E(Money.Cents(new Planner.Core.Units.Usd(value)))}</text>");
        }

        for (int i = 0; i < hours.Count; i++)
        {
            var h = hours[i];
            double barHeight = max == 0 ? 0 : (double)(h.TotalUsd.Value / max) * (height - bottom - top);
            double x = left + (i * step) + 1;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{height - bottom - barHeight:0.#}\" width=\"{Math.Max(1, step - 2):0.#}\" height=\"{barHeight:0.#}\" rx=\"2\" fill=\"#6366f1\"><title>{h.Start.UtcDateTime:yyyy-MM-dd HH}:00 UTC: {E(Money.Cents(h.TotalUsd))}, {h.Requests:N0} requests</title></rect>");
            if (hours.Count <= 48 && (i % 3 == 0))
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (step / 2):0.#}\" y=\"{height - 6}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#6b7280\">{h.Start.UtcDateTime:HH}h</text>");
            }
        }

        svg.Append("</svg>");
        return $"<section class=\"card\" aria-labelledby=\"byhour-h\"><div class=\"section-head\"><h2 id=\"byhour-h\">By hour</h2><span class=\"small muted\">cost per hour (UTC); hover a bar for its figures</span></div>{svg}</section>";
    }

    /// <summary>The report as CSV, from the record: one row per model and meter, then per day, exact figures.</summary>
    internal static string Csv(PriceResult report)
    {
        var csv = new StringBuilder("section,key,meter,requests,cost_usd\n");
        foreach (var row in report.ByModel)
        {
            foreach (var info in MeterTable.All.Where(i => row.ByMeterUsd[i.Meter].Value != 0))
            {
                csv.Append(CultureInfo.InvariantCulture, $"model,{row.Model},{info.JsonKey},,{Downloads.Exact(row.ByMeterUsd[info.Meter])}\n");
            }

            csv.Append(CultureInfo.InvariantCulture, $"model,{row.Model},total,{row.Requests},{Downloads.Exact(row.TotalUsd)}\n");
        }

        foreach (var day in report.PerDay)
        {
            csv.Append(CultureInfo.InvariantCulture, $"day,{day.Start.UtcDateTime:yyyy-MM-dd},total,{day.Requests},{Downloads.Exact(day.TotalUsd)}\n");
        }

        csv.Append(CultureInfo.InvariantCulture, $"total,,total,{report.RequestsBilled},{Downloads.Exact(report.TotalUsd)}\n");
        return csv.ToString();
    }

    private static string Bar(decimal value, decimal total)
    {
        double share = total == 0 ? 0 : (double)(value / total);
        return string.Create(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 100 12\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect class=\"back\" width=\"100\" height=\"12\" rx=\"3\"/><rect class=\"fill\" width=\"{share * 100:0.##}\" height=\"12\" rx=\"3\"/></svg><span class=\"small muted\">{Share(value, total)}</span>");
    }

    private static string Share(decimal value, decimal total) =>
        total == 0 ? "—" : (value / total * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
