using System.Text;
using Microsoft.AspNetCore.Http;
using Planner.Core;
using Planner.Core.Catalog;
using Planner.Contract.Queries;
using Planner.Web.Forms;
using Planner.Web.Html;
using static Planner.Web.Html.Html;

namespace Planner.Web.Pages;

/// <summary>The Cost page: one request shape on a model, per request, per day and per 30-day month, by meter; other
/// models side by side, ranked, with the ratio to the first.</summary>
public static class CostPage
{
    /// <summary>The page's fields, in form order (their names are the query-string keys).</summary>
    public static IReadOnlyList<string> FieldNames { get; } =
        ["model", "audio_in_seconds", "audio_out_seconds", "text_in", "cached_in", "text_out", "requests", "compare", "at",
         "audio_in", "audio_out", "cached_audio_in", "image_in", "cached_image_in", "audio_in_rate", "audio_out_rate"];

    /// <summary>The fields the form shows an input for (an error of any other goes to the banner).</summary>
    private static readonly string[] FormFields = ["model", "audio_in_seconds", "audio_out_seconds", "text_in", "cached_in", "text_out", "requests", "compare", "at"];

    public static string Render(Site site, IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(query);
        var form = new FormValues(query);
        var today = DateOnly.FromDateTime(site.Now.UtcDateTime);
        var costQuery = CostRun.Read(query, form);
        CostRun.CheckModel(form, costQuery, site.Catalog);
        var compare = CostRun.Compare(form, site.Catalog);
        IReadOnlyList<CostLine>? lines = null;
        string? failure = null;
        if (form.Errors.Count == 0)
        {
            try
            {
                lines = CostRun.Run(costQuery, compare, site.Catalog, site.Now);
            }
            catch (PlannerException e)
            {
                failure = form.Refusal(e, FormFields);
            }
        }

        var html = new StringBuilder();
        html.Append("<div class=\"layout\">");
        html.Append(Form(form, site, today, costQuery));
        html.Append("<div class=\"results\" aria-live=\"polite\">");
        html.Append(Fields.ErrorBanner(form, FormFields));
        if (failure is not null)
        {
            html.Append($"<div class=\"banner bad\" role=\"alert\"><p>{E(failure)}</p></div>");
        }

        if (lines is not null)
        {
            // A first visit shows the example: its links (CSV, JSON, this page) carry the example's fields, not none.
            html.Append(Results(lines, form.Submitted ? QueryString(query) : ExampleQueryString, today));
        }

        html.Append("</div></div>");
        return Layout.Document("Cost", "/", "What one request costs, and a day and a month of them: audio minutes and text tokens on any model, exact to the last digit, beside the models you compare it with.", html.ToString(), site);
    }

    private static string Form(FormValues form, Site site, DateOnly today, CostQuery shown)
    {
        bool first = !form.Submitted;
        return $"""
            <form class="card calc" method="get" action="/" aria-label="Request">
            <fieldset><legend>Model</legend>
            {Fields.ModelSelect(form, "model", "Model", site.Catalog, today, first ? CostRun.Example.Model : form.Text("model", shown.Model))}
            </fieldset>
            <fieldset><legend>One request</legend>
            <div class="row2">
            {Fields.Input(form, "audio_in_seconds", "Audio in (s)", "spoken by the user", value: first ? "120" : null)}
            {Fields.Input(form, "audio_out_seconds", "Audio out (s)", "spoken by the model", value: first ? "60" : null)}
            </div>
            <div class="row2">
            {Fields.Input(form, "text_in", "Text in (tokens)", inputMode: "numeric")}
            {Fields.Input(form, "text_out", "Text out (tokens)", inputMode: "numeric")}
            </div>
            {Fields.Input(form, "cached_in", "Cached text in (tokens)", "e.g. a system prompt served from the cache", inputMode: "numeric")}
            </fieldset>
            <fieldset><legend>Volume</legend>
            {Fields.Input(form, "requests", "Requests per day", "a month is 30 days", value: first ? "1000" : null, inputMode: "numeric")}
            {Fields.Input(form, "compare", "Compare with", "model ids, comma-separated, e.g. gpt-audio,gpt-realtime-mini", inputMode: "")}
            {Fields.Input(form, "at", "Prices on", "yyyy-mm-dd; empty for today", type: "date")}
            </fieldset>
            <div class="actions"><button type="submit">Calculate</button><a class="button secondary" href="/">Reset</a></div>
            </form>
            """;
    }

    private static string Results(IReadOnlyList<CostLine> lines, string qs, DateOnly today)
    {
        var main = lines[0];
        var day = main.Day;
        var month = main.Month;
        var html = new StringBuilder();
        html.Append($"""
            <div class="model-line"><span class="name">{E(day.BillingId)}</span>{Badges.Lifecycle(main.Model, today)} {Badges.Api(main.Model.Model)}<span class="small muted">prices in effect from {Money.Date(day.PricesEffectiveFrom)}</span></div>
            """);
        foreach (var warning in lines.SelectMany(l => l.Day.Warnings).DistinctBy(w => w.Message))
        {
            html.Append($"<div class=\"banner warn\" role=\"status\"><p><strong>{E(warning.Key)}</strong>: {Prose(warning.Message)}</p></div>");
        }

        html.Append($"""
            <div class="kpis">
            <div class="kpi primary"><div class="label">Per request</div><div class="value" data-figure="per_request">{Money.Unit(day.PerRequestUsd)}</div><div class="sub">exact: {Money.Exact(day.PerRequestUsd)}</div></div>
            <div class="kpi"><div class="label">Per day</div><div class="value" data-figure="per_day">{Money.Cents(day.TotalUsd)}</div><div class="sub">{Money.Count(day.Requests)} request{(day.Requests == 1 ? "" : "s")}</div></div>
            <div class="kpi"><div class="label">Per 30-day month</div><div class="value" data-figure="per_month">{Money.Cents(month.TotalUsd)}</div><div class="sub">{Money.Count(month.Requests)} request{(month.Requests == 1 ? "" : "s")}</div></div>
            </div>
            <section class="card" aria-labelledby="meters-h">
            <div class="section-head"><h2 id="meters-h">By meter</h2><span class="small muted">USD; the rows add up to the total exactly</span></div>
            <div class="table-wrap"><table>
            <thead><tr><th scope="col">Meter</th><th scope="col" class="num">Tokens / request</th><th scope="col" class="num">USD / 1M</th><th scope="col" class="num">Per request</th><th scope="col" class="num">Per day</th><th scope="col" class="num">Per month</th></tr></thead><tbody>
            """);
        foreach (var info in MeterTable.All)
        {
            var meter = info.Meter;
            long tokens = day.Tokens[meter];
            if (day.PricesUsdPer1m[meter] is not { } price || (tokens == 0 && info.IsCached))
            {
                continue;
            }

            html.Append($"<tr><th scope=\"row\">{E(info.Label)}</th><td class=\"num\">{Money.Count(tokens)}</td><td class=\"num\">{Money.Rate(price)}</td><td class=\"num\">{Money.Unit(day.PerRequestBreakdownUsd[meter])}</td><td class=\"num\">{Money.Cents(day.BreakdownUsd[meter])}</td><td class=\"num\">{Money.Cents(month.BreakdownUsd[meter])}</td></tr>");
        }

        html.Append($"<tr class=\"total\"><th scope=\"row\">Total</th><td class=\"num\">{Money.Count(day.Tokens.Total)}</td><td></td><td class=\"num\">{Money.Unit(day.PerRequestUsd)}</td><td class=\"num\">{Money.Cents(day.TotalUsd)}</td><td class=\"num\">{Money.Cents(month.TotalUsd)}</td></tr>");
        html.Append("</tbody></table></div>");
        if (day.Assumptions.Count > 0)
        {
            html.Append("<h3>Assumptions</h3><ul class=\"notes\">");
            foreach (var a in day.Assumptions)
            {
                html.Append($"<li><span class=\"mono\">{E(a.Name)} = {E(a.Value)}</span>: {Prose(a.Why)}</li>");
            }

            html.Append("</ul>");
        }

        html.Append($"""
            <div class="downloads"><a class="button secondary" href="/cost.csv{E(qs)}" download>Download CSV</a><a class="button secondary" href="/api/cost{E(ApiQuery(qs))}">JSON (API)</a><a class="button secondary" href="/{E(qs)}">Link to these figures</a></div>
            </section>
            """);

        if (lines.Count > 1)
        {
            html.Append(Comparison(lines, today));
        }

        return html.ToString();
    }

    private static string Comparison(IReadOnlyList<CostLine> lines, DateOnly today)
    {
        var first = lines[0].Day;
        var html = new StringBuilder();
        html.Append("""
            <section class="card" aria-labelledby="compare-h">
            <div class="section-head"><h2 id="compare-h">Side by side</h2><span class="small muted">cheapest first; ratio to the model chosen above</span></div>
            <div class="table-wrap"><table>
            <thead><tr><th scope="col">#</th><th scope="col">Model</th><th scope="col">Status</th><th scope="col" class="num">Per request</th><th scope="col" class="num">Per month</th><th scope="col" class="num">Ratio</th></tr></thead><tbody>
            """);
        int rank = 0;
        foreach (var line in lines.OrderBy(l => l.Day.PerRequestUsd.Value).ThenBy(l => l.Day.BillingId, StringComparer.Ordinal))
        {
            rank++;
            decimal ratio = first.PerRequestUsd.Value == 0 ? 0 : line.Day.PerRequestUsd.Value / first.PerRequestUsd.Value;
            html.Append($"<tr{(rank == 1 ? " class=\"best\"" : "")}><td class=\"num\">{rank}</td><th scope=\"row\">{E(line.Day.BillingId)}</th><td>{Badges.Lifecycle(line.Model, today)}</td><td class=\"num\">{Money.Unit(line.Day.PerRequestUsd)}</td><td class=\"num\">{Money.Cents(line.Month.TotalUsd)}</td><td class=\"num\">{Money.Ratio(ratio)}</td></tr>");
        }

        html.Append("</tbody></table></div></section>");
        return html.ToString();
    }

    /// <summary>The first visit's example as a query string ("?model=gpt-audio-mini&amp;...").</summary>
    public static string ExampleQueryString { get; } = Html.Html.Query(
    [
        new("model", CostRun.Example.Model), new("audio_in_seconds", "120"), new("audio_out_seconds", "60"), new("requests", "1000"),
    ]);

    /// <summary>The page's query without its page-only fields (compare), as /api/cost takes it.</summary>
    private static string ApiQuery(string qs) =>
        string.Join('&', qs.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("compare=", StringComparison.Ordinal))) is { Length: > 0 } rest ? "?" + rest : "";

    /// <summary>The page's own fields from the query, for links that carry its state.</summary>
    internal static string QueryString(IQueryCollection query) =>
        Html.Html.Query(FieldNames.Select(name => new KeyValuePair<string, string?>(name, query.TryGetValue(name, out var v) ? v.ToString() : null)));
}
