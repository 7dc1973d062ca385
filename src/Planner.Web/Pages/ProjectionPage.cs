using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Planner.Core;
using Planner.Core.Projection;
using Planner.Web.Adapters;
using Planner.Web.Api;
using Planner.Web.Charts;
using Planner.Web.Forms;
using Planner.Web.Html;
using static Planner.Web.Html.Html;

namespace Planner.Web.Pages;

/// <summary>The Projection page: months, growth, day-to-day spread and budget: the fan chart (hover or arrow keys show a
/// month's P10/P50/P90), the probability over budget, tier and usage-limit warnings, and the migration step when a model
/// shuts down inside the horizon.</summary>
public static class ProjectionPage
{
    /// <summary>The page's fields (query-string keys).</summary>
    public static IReadOnlyList<string> FieldNames { get; } =
        ["model", "requests_per_day", "requests_per_day_sd", "audio_in_seconds", "audio_out_seconds", "text_in", "text_out",
         "months", "growth", "budget", "compare_models", "migrate_to", "start", "runs", "seed"];

    /// <summary>Reads and runs the page's query: the view, or null with the errors on the form (and a failure message).</summary>
    internal static (ProjectionView? View, string? Failure) Run(Site site, FormValues form)
    {
        if (ProjectionAdapter.Read(form, site.Catalog, site.Now) is not { } inputs)
        {
            return (null, null);
        }

        try
        {
            return (ProjectionAdapter.Run(inputs, site.Catalog), null);
        }
        catch (PlannerException e)
        {
            return (null, e.Message);
        }
    }

    public static string Render(Site site, IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(query);
        var form = new FormValues(query);
        var (view, failure) = Run(site, form);
        var today = DateOnly.FromDateTime(site.Now.UtcDateTime);
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
            html.Append(Results(view, CostPageQuery(query)));
        }

        html.Append("</div></div>");
        return Layout.Document("Projection", "/projection", "Monthly cost over the months ahead as a range, not a single guess: growth, day-to-day spread and your budget, with the tier each month needs and what happens when a model shuts down.", html.ToString(), site);
    }

    private static string Form(FormValues form, Site site, DateOnly today)
    {
        bool first = !form.Submitted;
        return $"""
            <form class="card calc" method="get" action="/projection" aria-label="Projection">
            <fieldset><legend>Model</legend>
            {Fields.ModelSelect(form, "model", "Model", site.Catalog, today, form.Text("model", "gpt-audio-mini"))}
            {Fields.Input(form, "compare_models", "Compare with", "model ids, comma-separated", inputMode: "")}
            {Fields.Input(form, "migrate_to", "If it shuts down, move to", "empty: OpenAI's recommended replacement", inputMode: "")}
            </fieldset>
            <fieldset><legend>One request</legend>
            <div class="row2">
            {Fields.Input(form, "audio_in_seconds", "Audio in (s)", value: first ? "120" : null)}
            {Fields.Input(form, "audio_out_seconds", "Audio out (s)", value: first ? "60" : null)}
            </div>
            <div class="row2">
            {Fields.Input(form, "text_in", "Text in (tokens)", inputMode: "numeric")}
            {Fields.Input(form, "text_out", "Text out (tokens)", inputMode: "numeric")}
            </div>
            </fieldset>
            <fieldset><legend>Traffic</legend>
            <div class="row2">
            {Fields.Input(form, "requests_per_day", "Requests per day", value: first ? "1000" : null)}
            {Fields.Input(form, "requests_per_day_sd", "Daily spread (SD)", "0: the same every day", value: first ? "150" : null)}
            </div>
            <div class="row2">
            {Fields.Input(form, "growth", "Growth (%)", "a month", value: first ? "10" : null)}
            {Fields.Input(form, "months", "Months", "1 to 60; default 12", inputMode: "numeric", value: first ? "12" : null)}
            </div>
            <div class="row2">
            {Fields.Input(form, "budget", "Budget (USD)", "a month", value: first ? "3000" : null)}
            {Fields.Input(form, "start", "Start", "empty: today", type: "date")}
            </div>
            </fieldset>
            <div class="actions"><button type="submit">Project</button><a class="button secondary" href="/projection">Reset</a></div>
            </form>
            """;
    }

    private static string Results(ProjectionView view, string qs)
    {
        var result = view.Result;
        var target = result.Targets[0];
        var firstMonth = target.Months[0];
        var last = target.Months[^1];
        var html = new StringBuilder();
        html.Append($"<p class=\"small muted\">{E(view.Source)} · {result.Options.Months} months from {Money.Date(view.Inputs.Start)} · growth {Money.Number(result.Options.GrowthPercent)}%/month · {(result.IsExact ? "exact (no spread)" : $"Monte Carlo, {result.Options.Runs:N0} runs, seed {result.Options.Seed}")}</p>");
        if (view.Warnings.Count > 0)
        {
            // One box for every notice, a line each, so the chart stays near the top.
            html.Append("<div class=\"banner warn notices\" role=\"status\"><ul>");
            foreach (var warning in view.Warnings)
            {
                html.Append($"<li><strong>{E(Label(warning.Key))}</strong>: {E(warning.Message)}</li>");
            }

            html.Append("</ul></div>");
        }

        double? overBudget = target.Months.Max(m => m.ExceedsBudgetProbability);
        html.Append($"""
            <div class="kpis">
            <div class="kpi"><div class="label">Month 1 (median)</div><div class="value" data-figure="month_1">{Money.Rounded(firstMonth.P50)}</div><div class="sub">P10 {Money.Rounded(firstMonth.P10)} · P90 {Money.Rounded(firstMonth.P90)}</div></div>
            <div class="kpi"><div class="label">Month {last.Month} (median)</div><div class="value" data-figure="month_last">{Money.Rounded(last.P50)}</div><div class="sub">P10 {Money.Rounded(last.P10)} · P90 {Money.Rounded(last.P90)}</div></div>
            <div class="kpi primary"><div class="label">{(target.Total.Months == 1 ? "Month 1" : $"Months 1-{target.Total.Months}")} in all</div><div class="value" data-figure="horizon">{Money.Rounded(target.Total.Mean)}</div><div class="sub">mean; P90 {Money.Rounded(target.Total.P90)}</div></div>
            {(overBudget is { } p ? $"<div class=\"kpi\"><div class=\"label\">Chance over budget</div><div class=\"value\" data-figure=\"over_budget\">{Percent(p)}</div><div class=\"sub\">in the worst month, budget {Money.Exact(result.Options.Budget!.Value)}</div></div>" : "")}
            </div>
            """);

        var (_, left, right, xmin, xmax) = FanChart.Svg(result, view.Source);
        string months = JsonSerializer.Serialize(HoverData(result), WebJsonContext.Relaxed.ListHoverMonth);
        html.Append($"""
            <section class="card" aria-labelledby="fan-h">
            <div class="section-head"><h2 id="fan-h">Monthly cost</h2><span class="small muted">shaded: P10 to P90 · line: median · hover or use the arrow keys for a month's figures</span></div>
            <div class="chart" tabindex="0" role="img" aria-label="Fan chart of monthly cost; focus and use the arrow keys to read each month" data-months="{E(months)}" data-left="{Num(left)}" data-right="{Num(right)}" data-width="{FanChart.Width}" data-xmin="{Num(xmin)}" data-xmax="{Num(xmax)}">
            <img src="/projection/chart.svg{E(qs)}" alt="Fan chart: median monthly cost from {E(Money.Rounded(firstMonth.P50))} in month 1 to {E(Money.Rounded(last.P50))} in month {last.Month}" width="{FanChart.Width}" height="{FanChart.Height}">
            <div class="cursor"></div><div class="tip" aria-hidden="true"></div>
            </div>
            <div class="downloads"><a class="button secondary" href="/projection.csv{E(qs)}" download>Download CSV</a><a class="button secondary" href="/projection/chart.png{E(qs)}" download>Chart PNG</a><a class="button secondary" href="/projection/chart.svg{E(qs)}" download>Chart SVG</a><a class="button secondary" href="/api/project{E(qs)}">JSON (API)</a><a class="button secondary" href="/projection{E(qs)}">Link to these figures</a></div>
            </section>
            """);

        foreach (var t in result.Targets)
        {
            html.Append(MonthTable(result, t));
        }

        if (result.Assumptions.Count > 0)
        {
            html.Append("<section class=\"card\" aria-labelledby=\"assume-h\"><h2 id=\"assume-h\">Assumptions</h2><ul class=\"notes\">");
            foreach (var a in result.Assumptions)
            {
                html.Append($"<li><span class=\"mono\">{E(a.Name)} = {E(a.Value)}</span>: {E(a.Why)}</li>");
            }

            html.Append("</ul></section>");
        }

        return html.ToString();
    }

    private static string MonthTable(ProjectionResult result, TargetProjection target)
    {
        bool budget = result.Options.Budget is not null;
        var html = new StringBuilder();
        string title = result.Targets.Count > 1 ? $"On {target.Target.Name}" : "Month by month";
        html.Append($"""
            <section class="card" aria-label="{E(title)}">
            <h2>{E(title)}</h2>
            <div class="table-wrap"><table>
            <thead><tr><th scope="col" class="num">Month</th><th scope="col" class="num">Requests</th>{(result.IsExact ? "<th scope=\"col\" class=\"num\">Cost</th>" : "<th scope=\"col\" class=\"num\">Mean</th><th scope=\"col\" class=\"num\">P10</th><th scope=\"col\" class=\"num\">P50</th><th scope=\"col\" class=\"num\">P90</th><th scope=\"col\" class=\"num\">P99</th>")}{(budget ? "<th scope=\"col\" class=\"num\">P(over budget)</th>" : "")}<th scope="col">Tier</th></tr></thead><tbody>
            """);
        foreach (var m in target.Months)
        {
            html.Append($"<tr><td class=\"num\">{m.Month}</td><td class=\"num\">{Money.Number(m.ExpectedRequests, 0)}</td>");
            html.Append(result.IsExact
                ? $"<td class=\"num\">{Money.Cents(m.Mean)}</td>"
                : $"<td class=\"num\">{Money.Rounded(m.Mean)}</td><td class=\"num\">{Money.Rounded(m.P10)}</td><td class=\"num\">{Money.Rounded(m.P50)}</td><td class=\"num\">{Money.Rounded(m.P90)}</td><td class=\"num\">{Money.Rounded(m.P99)}</td>");
            if (budget)
            {
                html.Append($"<td class=\"num\">{(m.ExceedsBudgetProbability is { } p ? Percent(p) : "")}</td>");
            }

            html.Append($"<td>{E(m.OrganizationTier?.DisplayName ?? "beyond the highest tier")}</td></tr>");
        }

        html.Append("</tbody></table></div>");
        if (target.SavingVersusFirst.Count > 0)
        {
            var saving = target.SavingVersusFirst[^1];
            html.Append($"<p class=\"small\">Saving against {E(result.Targets[0].Target.Name)} in month {saving.Month}: <strong>{Money.Rounded(saving.Mean)}</strong> (80% interval {Money.Rounded(saving.P10)} to {Money.Rounded(saving.P90)})</p>");
        }

        var last = target.Months[^1];
        if (last.OrganizationChoice is { } choice)
        {
            html.Append($"<p class=\"small muted\">Month {last.Month}: {E(choice.Headline)}</p>");
        }

        html.Append("</section>");
        return html.ToString();
    }

    /// <summary>Each month's P10/P50/P90 per drawn series, as the hover shows them.</summary>
    internal static List<HoverMonth> HoverData(ProjectionResult result)
    {
        var series = FanChart.Series(result);
        return [.. result.Targets[0].Months.Select((m, i) => new HoverMonth(m.Month,
            [.. series.Select(s => new HoverSeries(s.Names, Money.Rounded(s.Target.Months[i].P10), Money.Rounded(s.Target.Months[i].P50), Money.Rounded(s.Target.Months[i].P90)))]))];
    }

    private static string Label(string key) => key switch
    {
        "migrated" => "Migration",
        "model_deprecated" => "Deprecated",
        "usage_limit_exceeded" => "Usage limit",
        _ => key.Replace('_', ' '),
    };

    private static string Percent(double p) => (p * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Num(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The page's own fields from the query, for links and downloads that carry its state.</summary>
    internal static string CostPageQuery(IQueryCollection query) =>
        Html.Html.Query(FieldNames.Select(name => new KeyValuePair<string, string?>(name, query.TryGetValue(name, out var v) ? v.ToString() : null)));
}
