using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Contract.Services;
using Planner.Core;
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

    /// <summary>The most months the page projects: 60 (the CLI goes to 600).</summary>
    public const int MaxMonths = 60;

    /// <summary>The most Monte Carlo runs a page asks for: 100,000 (each request has a time limit).</summary>
    public const int MaxRuns = 100_000;

    /// <summary>The query of a first visit: two minutes of audio in and one out on gpt-audio-mini, 1,000 a day give or
    /// take 150, growing 10% a month, against a $3,000 budget.</summary>
    public static ProjectQuery Example { get; } = new()
    {
        Model = "gpt-audio-mini", AudioInSeconds = 120, AudioOutSeconds = 60, RequestsPerDay = 1_000, RequestsPerDaySd = 150, Growth = 10, Budget = 3_000,
    };

    /// <summary>The example's fields as a query string ("?model=gpt-audio-mini&amp;...").</summary>
    public static string ExampleQueryString { get; } = Html.Html.Query(
    [
        new("model", Example.Model), new("audio_in_seconds", "120"), new("audio_out_seconds", "60"), new("requests_per_day", "1000"),
        new("requests_per_day_sd", "150"), new("growth", "10"), new("budget", "3000"),
    ]);

    /// <summary>The query the page shows (the example on a first visit), with every problem on <paramref name="form"/>:
    /// <see cref="ProjectQuery.Validate()"/>'s (the CLI's messages, by field), the page's own limits, and models the
    /// catalog does not know.</summary>
    public static ProjectQuery Read(IQueryCollection query, FormValues form, Site site)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(site);
        if (!form.Submitted)
        {
            return Example;
        }

        var (bound, errors) = QueryBinder.FromQuery<ProjectQuery>(query);
        form.AddErrors(QueryBinder.WithValidation(errors, () => bound.Validate()));
        // A shared link with a typo must not show the default figures as if they were asked for.
        form.AddErrors(QueryBinder.Unknown(query.Keys, [.. FieldNames, .. QueryBinder.Fields<ProjectQuery>().Select(f => f.Name).Except(FieldNames)]));
        if (form.Errors.Count == 0 && bound.IsEmptyRequest)
        {
            form.AddErrors([RequestShapeQuery.EmptyRequestError]);
        }

        if (form.ErrorFor("months") is null && bound.Months > MaxMonths)
        {
            form.Error("months", $"months must be 1 to {MaxMonths} on this page (the CLI goes to 600), got {bound.Months}");
        }

        if (form.ErrorFor("runs") is null && bound.Runs > MaxRuns)
        {
            form.Error("runs", $"runs must be at most {MaxRuns:N0} on this page, got {bound.Runs:N0}");
        }

        foreach (var (field, names) in new[] { ("model", (IEnumerable<string>)[bound.Model ?? ""]), ("compare_models", bound.CompareModelList), ("migrate_to", [bound.MigrateTo ?? ""]) })
        {
            foreach (string name in names.Where(n => n.Length > 0 && !site.Catalog.TryResolve(n, out _)))
            {
                form.Error(field, UnknownModel(site, name));
            }
        }

        return bound;
    }

    /// <summary>Reads and runs the page's query: the result, or null with the errors on the form (and a failure message).</summary>
    internal static (ProjectResult? Result, string? Failure) Run(Site site, IQueryCollection query, FormValues form)
    {
        var bound = Read(query, form, site);
        if (form.Errors.Count > 0)
        {
            return (null, null);
        }

        try
        {
            return (ProjectService.Run(bound, site.Catalog, trace: null, site.Now), null);
        }
        catch (PlannerException e)
        {
            // Core names no field when the model to migrate to is itself shut down first: that one is migrate_to's.
            var refusal = e.Field is null && bound.MigrateTo is { } to && site.Catalog.TryResolve(to, out var target)
                && e.Message.StartsWith(target.BillingId + " cannot take ", StringComparison.Ordinal)
                ? new PlannerException(e.Kind, "migrate_to", e.Message) : e;
            return (null, form.Refusal(refusal, FieldNames, modelField: null));
        }
    }

    private static string UnknownModel(Site site, string name)
    {
        try
        {
            site.Catalog.Resolve(name);
            return $"unknown model '{name}'";
        }
        catch (PlannerException e)
        {
            return e.Message;
        }
    }

    public static string Render(Site site, IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(query);
        var form = new FormValues(query);
        var (result, failure) = Run(site, query, form);
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

        if (result is not null)
        {
            var start = (form.Submitted ? QueryBinder.FromQuery<ProjectQuery>(query).Query : Example).StartDay(site.Now);
            // A first visit shows the example: its links (downloads, the API, the link to share) carry the example's fields.
            html.Append(Results(result, start, form.Submitted ? QueryString(query) : ExampleQueryString));
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

    private static string Results(ProjectResult result, DateOnly start, string qs)
    {
        var target = result.Targets[0];
        var firstMonth = target.Months[0];
        var last = target.Months[^1];
        var html = new StringBuilder();
        html.Append($"<p class=\"small muted\">{E(result.Source)} · {result.MonthCount} months from {Money.Date(start)} · growth {Money.Number(result.GrowthPercent)}%/month · {(result.Exact ? "exact (no spread)" : $"Monte Carlo, {result.Runs:N0} runs, seed {result.Seed}")}</p>");
        if (result.Warnings.Count > 0)
        {
            // One box for every notice, a line each, so the chart stays near the top.
            html.Append("<div class=\"banner warn notices\" role=\"status\"><ul>");
            foreach (var warning in result.Warnings)
            {
                html.Append($"<li><strong>{E(Label(warning.Key))}</strong>: {Prose(warning.Message)}</li>");
            }

            html.Append("</ul></div>");
        }

        double? overBudget = target.Months.Max(m => m.PExceedBudget);
        html.Append($"""
            <div class="kpis">
            <div class="kpi"><div class="label">Month 1 (median)</div><div class="value" data-figure="month_1">{Money.Rounded(firstMonth.P50Usd)}</div><div class="sub">P10 {Money.Rounded(firstMonth.P10Usd)} · P90 {Money.Rounded(firstMonth.P90Usd)}</div></div>
            <div class="kpi"><div class="label">Month {last.Month} (median)</div><div class="value" data-figure="month_last">{Money.Rounded(last.P50Usd)}</div><div class="sub">P10 {Money.Rounded(last.P10Usd)} · P90 {Money.Rounded(last.P90Usd)}</div></div>
            <div class="kpi primary"><div class="label">{(target.Total.Months == 1 ? "Month 1" : $"Months 1-{target.Total.Months}")} in all</div><div class="value" data-figure="horizon">{Money.Rounded(target.Total.MeanUsd)}</div><div class="sub">mean; P90 {Money.Rounded(target.Total.P90Usd)}</div></div>
            {(overBudget is { } p && result.BudgetUsd is { } budget ? $"<div class=\"kpi\"><div class=\"label\">Chance over budget</div><div class=\"value\" data-figure=\"over_budget\">{Percent(p)}</div><div class=\"sub\">in the worst month, budget {Money.Exact(budget)}</div></div>" : "")}
            </div>
            """);

        var (_, left, right, xmin, xmax) = FanChart.Svg(result);
        string months = JsonSerializer.Serialize(HoverData(result), WebJsonContext.Relaxed.ListHoverMonth);
        html.Append($"""
            <section class="card" aria-labelledby="fan-h">
            <div class="section-head"><h2 id="fan-h">Monthly cost</h2><span class="small muted">shaded: P10 to P90 · line: median · hover or use the arrow keys for a month's figures</span></div>
            <div class="chart" tabindex="0" role="img" aria-label="Fan chart of monthly cost; focus and use the arrow keys to read each month" data-months="{E(months)}" data-left="{Num(left)}" data-right="{Num(right)}" data-width="{FanChart.Width}" data-xmin="{Num(xmin)}" data-xmax="{Num(xmax)}">
            <img src="/projection/chart.svg{E(qs)}" alt="Fan chart: median monthly cost from {E(Money.Rounded(firstMonth.P50Usd))} in month 1 to {E(Money.Rounded(last.P50Usd))} in month {last.Month}" width="{FanChart.Width}" height="{FanChart.Height}">
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
                html.Append($"<li><span class=\"mono\">{E(a.Name)} = {Prose(a.Value)}</span>: {Prose(a.Why)}</li>");
            }

            html.Append("</ul></section>");
        }

        return html.ToString();
    }

    private static string MonthTable(ProjectResult result, ProjectionTargetResult target)
    {
        bool budget = result.BudgetUsd is not null;
        var targets = result.Targets;
        var html = new StringBuilder();
        string title = targets.Count > 1 ? $"On {target.Model}" : "Month by month";
        html.Append($"""
            <section class="card" aria-label="{E(title)}">
            <h2>{E(title)}</h2>
            <div class="table-wrap"><table>
            <thead><tr><th scope="col" class="num">Month</th><th scope="col" class="num">Requests</th>{(result.Exact ? "<th scope=\"col\" class=\"num\">Cost</th>" : "<th scope=\"col\" class=\"num\">Mean</th><th scope=\"col\" class=\"num\">P10</th><th scope=\"col\" class=\"num\">P50</th><th scope=\"col\" class=\"num\">P90</th><th scope=\"col\" class=\"num\">P99</th>")}{(budget ? "<th scope=\"col\" class=\"num\">P(over budget)</th>" : "")}<th scope="col">Tier</th></tr></thead><tbody>
            """);
        foreach (var m in target.Months)
        {
            html.Append($"<tr><td class=\"num\">{m.Month}</td><td class=\"num\">{Money.Number(m.ExpectedRequests, 0)}</td>");
            html.Append(result.Exact
                ? $"<td class=\"num\">{Money.Cents(m.MeanUsd)}</td>"
                : $"<td class=\"num\">{Money.Rounded(m.MeanUsd)}</td><td class=\"num\">{Money.Rounded(m.P10Usd)}</td><td class=\"num\">{Money.Rounded(m.P50Usd)}</td><td class=\"num\">{Money.Rounded(m.P90Usd)}</td><td class=\"num\">{Money.Rounded(m.P99Usd)}</td>");
            if (budget)
            {
                html.Append($"<td class=\"num\">{(m.PExceedBudget is { } p ? Percent(p) : "")}</td>");
            }

            html.Append($"<td>{E(m.OrganizationTier.TierName ?? "beyond the highest tier")}</td></tr>");
        }

        html.Append("</tbody></table></div>");
        if (target.Saving is { Count: > 0 } savings)
        {
            var saving = savings[^1];
            html.Append($"<p class=\"small\">Saving against {E(targets[0].Model)} in month {saving.Month}: <strong>{Money.Rounded(saving.MeanUsd)}</strong> (80% interval {Money.Rounded(saving.P10Usd)} to {Money.Rounded(saving.P90Usd)})</p>");
        }

        var last = target.Months[^1];
        if (last.OrganizationTier.Headline is { } headline)
        {
            html.Append($"<p class=\"small muted\">Month {last.Month}: {E(headline)}</p>");
        }

        html.Append("</section>");
        return html.ToString();
    }

    /// <summary>Each month's P10/P50/P90 per drawn series, as the hover shows them.</summary>
    internal static List<HoverMonth> HoverData(ProjectResult result)
    {
        var series = FanChart.Series(result);
        return [.. result.Targets[0].Months.Select((m, i) => new HoverMonth(m.Month,
            [.. series.Select(s => new HoverSeries(s.Names, Money.Rounded(s.Target.Months[i].P10Usd), Money.Rounded(s.Target.Months[i].P50Usd), Money.Rounded(s.Target.Months[i].P90Usd)))]))];
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
    internal static string QueryString(IQueryCollection query) =>
        Html.Html.Query(FieldNames.Select(name => new KeyValuePair<string, string?>(name, query.TryGetValue(name, out var v) ? v.ToString() : null)));
}
