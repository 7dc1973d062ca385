using System.Text;
using Microsoft.AspNetCore.Http;
using Planner.Core;
using Planner.Core.Catalog;
using Planner.Web.Adapters;
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
        ["model", "audio_in_seconds", "audio_out_seconds", "text_in", "cached_in", "text_out", "requests_per_day", "compare", "at"];

    public static string Render(Site site, IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(site);
        var form = new FormValues(query);
        var today = DateOnly.FromDateTime(site.Now.UtcDateTime);
        CostView? view = null;
        string? failure = null;
        if (CostAdapter.Read(form, site.Catalog, site.Now) is { } inputs)
        {
            try
            {
                view = CostAdapter.Run(inputs, site.Catalog);
            }
            catch (PlannerException e)
            {
                failure = e.Message;
            }
        }

        var html = new StringBuilder();
        html.Append("<div class=\"layout\">");
        html.Append(Form(form, site, today));
        html.Append("<div class=\"results\" aria-live=\"polite\">");
        html.Append(Fields.ErrorBanner(form, [.. FieldNames]));
        if (failure is not null)
        {
            html.Append($"<div class=\"banner bad\" role=\"alert\"><p>{E(failure)}</p></div>");
        }

        if (view is not null)
        {
            html.Append(Results(view, query, today));
        }
        else if (form.Errors.Count == 0 && failure is null)
        {
            html.Append("<div class=\"card empty\">Describe a request to see its cost.</div>");
        }

        html.Append("</div></div>");
        return Layout.Document("Cost", "/", "What one request costs, and a day and a month of them: audio minutes and text tokens on any model, exact to the last digit, beside the models you compare it with.", html.ToString(), site);
    }

    private static string Form(FormValues form, Site site, DateOnly today)
    {
        bool first = !form.Submitted;
        string model = form.Text("model", CostInputs.DefaultModel);
        return $"""
            <form class="card calc" method="get" action="/" aria-label="Request">
            <fieldset><legend>Model</legend>
            {Fields.ModelSelect(form, "model", "Model", site.Catalog, today, model)}
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
            {Fields.Input(form, "requests_per_day", "Requests per day", "a month is 30 days", value: first ? "1000" : null, inputMode: "numeric")}
            {Fields.Input(form, "compare", "Compare with", "model ids, comma-separated, e.g. gpt-audio,gpt-realtime-mini", inputMode: "")}
            {Fields.Input(form, "at", "Prices on", "yyyy-mm-dd; empty for today", type: "date")}
            </fieldset>
            <div class="actions"><button type="submit">Calculate</button><a class="button secondary" href="/">Reset</a></div>
            </form>
            """;
    }

    private static string Results(CostView view, IQueryCollection query, DateOnly today)
    {
        var main = view.Lines[0];
        var html = new StringBuilder();
        string qs = QueryString(query);
        html.Append($"""
            <div class="model-line"><span class="name">{E(main.Model.BillingId)}</span>{Badges.Lifecycle(main.Model, today)} {Badges.Api(main.Model.Model)}<span class="small muted">prices in effect from {Money.Date(main.Quote.Prices.EffectiveFrom)}</span></div>
            """);
        foreach (var warning in view.Lines.SelectMany(l => l.Warnings).DistinctBy(w => w.Message))
        {
            html.Append($"<div class=\"banner warn\" role=\"status\"><p><strong>{E(warning.Key)}</strong>: {E(warning.Message)}</p></div>");
        }

        html.Append($"""
            <div class="kpis">
            <div class="kpi primary"><div class="label">Per request</div><div class="value" data-figure="per_request">{Money.Unit(main.Quote.Cost.Total)}</div><div class="sub">exact: {Money.Exact(main.Quote.Cost.Total)}</div></div>
            <div class="kpi"><div class="label">Per day</div><div class="value" data-figure="per_day">{Money.Cents(main.PerDay.Total)}</div><div class="sub">{Money.Count(view.Inputs.RequestsPerDay)} requests</div></div>
            <div class="kpi"><div class="label">Per 30-day month</div><div class="value" data-figure="per_month">{Money.Cents(main.PerMonth.Total)}</div><div class="sub">{Money.Count(view.Inputs.RequestsPerDay * CostInputs.DaysPerMonth)} requests</div></div>
            </div>
            <section class="card" aria-labelledby="meters-h">
            <div class="section-head"><h2 id="meters-h">By meter</h2><span class="small muted">USD; the rows add up to the total exactly</span></div>
            <div class="table-wrap"><table>
            <thead><tr><th scope="col">Meter</th><th scope="col" class="num">Tokens / request</th><th scope="col" class="num">USD / 1M</th><th scope="col" class="num">Per request</th><th scope="col" class="num">Per day</th><th scope="col" class="num">Per month</th></tr></thead><tbody>
            """);
        var usage = main.Quote.Usage;
        foreach (var info in MeterTable.All)
        {
            var meter = info.Meter;
            if (usage[meter].Value == 0 && main.Quote.Prices.Listed(meter) is null)
            {
                continue;
            }

            if (usage[meter].Value == 0 && info.IsCached)
            {
                continue;
            }

            html.Append($"<tr><th scope=\"row\">{E(info.Label)}</th><td class=\"num\">{Money.Count(usage[meter].Value)}</td><td class=\"num\">{Money.Price(main.Quote.Prices[meter])}</td><td class=\"num\">{Money.Unit(main.Quote.Cost[meter])}</td><td class=\"num\">{Money.Cents(main.PerDay[meter])}</td><td class=\"num\">{Money.Cents(main.PerMonth[meter])}</td></tr>");
        }

        html.Append($"<tr class=\"total\"><th scope=\"row\">Total</th><td class=\"num\">{Money.Count(usage.TotalTokens.Value)}</td><td></td><td class=\"num\">{Money.Unit(main.Quote.Cost.Total)}</td><td class=\"num\">{Money.Cents(main.PerDay.Total)}</td><td class=\"num\">{Money.Cents(main.PerMonth.Total)}</td></tr>");
        html.Append("</tbody></table></div>");
        html.Append($"""
            <p class="small muted">Audio converts at {Money.Number(main.Rates.Input.TokensPerSecond)} tokens/s in and {Money.Number(main.Rates.Output.TokensPerSecond)} tokens/s out{(main.Rates.Source.IsAssumption ? " (an assumption on Chat Completions models; documented for the Realtime API)" : "")}; a fraction of a token rounds up.</p>
            <div class="downloads"><a class="button secondary" href="/cost.csv{E(qs)}" download>Download CSV</a><a class="button secondary" href="/api/cost{E(qs)}">JSON (API)</a><a class="button secondary" href="/{E(qs)}">Link to these figures</a></div>
            </section>
            """);

        if (view.Lines.Count > 1)
        {
            html.Append(Comparison(view, today));
        }

        return html.ToString();
    }

    private static string Comparison(CostView view, DateOnly today)
    {
        var first = view.Lines[0];
        var html = new StringBuilder();
        html.Append("""
            <section class="card" aria-labelledby="compare-h">
            <div class="section-head"><h2 id="compare-h">Side by side</h2><span class="small muted">cheapest first; ratio to the model chosen above</span></div>
            <div class="table-wrap"><table>
            <thead><tr><th scope="col">#</th><th scope="col">Model</th><th scope="col">Status</th><th scope="col" class="num">Per request</th><th scope="col" class="num">Per month</th><th scope="col" class="num">Ratio</th></tr></thead><tbody>
            """);
        int rank = 0;
        foreach (var line in view.Lines.OrderBy(l => l.Quote.Cost.Total.Value).ThenBy(l => l.Model.BillingId, StringComparer.Ordinal))
        {
            rank++;
            decimal ratio = first.Quote.Cost.Total.Value == 0 ? 0 : line.Quote.Cost.Total.Value / first.Quote.Cost.Total.Value;
            html.Append($"<tr{(rank == 1 ? " class=\"best\"" : "")}><td class=\"num\">{rank}</td><th scope=\"row\">{E(line.Model.BillingId)}</th><td>{Badges.Lifecycle(line.Model, today)}</td><td class=\"num\">{Money.Unit(line.Quote.Cost.Total)}</td><td class=\"num\">{Money.Cents(line.PerMonth.Total)}</td><td class=\"num\">{Money.Ratio(ratio)}</td></tr>");
        }

        html.Append("</tbody></table></div></section>");
        return html.ToString();
    }

    /// <summary>The page's own fields from the query, for links that carry its state.</summary>
    internal static string QueryString(IQueryCollection query) =>
        Html.Html.Query(FieldNames.Select(name => new KeyValuePair<string, string?>(name, query.TryGetValue(name, out var v) ? v.ToString() : null)));
}
