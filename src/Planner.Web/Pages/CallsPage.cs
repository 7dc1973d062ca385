using System.Text;
using Microsoft.AspNetCore.Http;
using Planner.Core;
using Planner.Core.Catalog;
using Planner.Web.Adapters;
using Planner.Web.Forms;
using Planner.Web.Html;
using static Planner.Web.Html.Html;

namespace Planner.Web.Pages;

/// <summary>The Calls page: a voice call's shape and volume: cost per call and per minute, the month, and which tier
/// of the current scheme carries it.</summary>
public static class CallsPage
{
    /// <summary>The page's fields (query-string keys).</summary>
    public static IReadOnlyList<string> FieldNames { get; } =
        ["model", "minutes", "turns", "user_audio_seconds", "assistant_audio_seconds", "system_text_tokens", "cache_hit", "calls_per_day", "concurrent_calls", "at"];

    internal static (CallView? View, string? Failure) Run(Site site, FormValues form)
    {
        if (CallAdapter.Read(form, site.Catalog, site.Now) is not { } inputs)
        {
            return (null, null);
        }

        try
        {
            return (CallAdapter.Run(inputs, site.Catalog), null);
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
        var html = new StringBuilder("<div class=\"layout\">");
        html.Append(Form(form, site, today));
        html.Append("<div class=\"results\" aria-live=\"polite\">");
        html.Append(Fields.ErrorBanner(form, [.. FieldNames]));
        if (failure is not null)
        {
            html.Append($"<div class=\"banner bad\" role=\"alert\"><p>{E(failure)}</p></div>");
        }

        if (view is not null)
        {
            html.Append(Results(view, QueryString(query), today));
        }

        html.Append("</div></div>");
        return Layout.Document("Calls", "/calls", "A voice call costed turn by turn, with the history each turn resends and the cache on Realtime: per call, per minute, a month of calls, and the tier that carries them.", html.ToString(), site);
    }

    private static string Form(FormValues form, Site site, DateOnly today)
    {
        bool first = !form.Submitted;
        return $"""
            <form class="card calc" method="get" action="/calls" aria-label="Call">
            <fieldset><legend>Model</legend>
            {Fields.ModelSelect(form, "model", "Model", site.Catalog, today, form.Text("model", CallInputs.DefaultModel))}
            </fieldset>
            <fieldset><legend>One call</legend>
            <div class="row2">
            {Fields.Input(form, "minutes", "Minutes", "or give turns", value: first ? "4" : null)}
            {Fields.Input(form, "turns", "Turns", "user + reply", inputMode: "numeric")}
            </div>
            <div class="row2">
            {Fields.Input(form, "user_audio_seconds", "User audio (s)", value: first ? "10" : null)}
            {Fields.Input(form, "assistant_audio_seconds", "Reply audio (s)", value: first ? "20" : null)}
            </div>
            {Fields.Input(form, "system_text_tokens", "System prompt (tokens)", "sent with every turn", value: first ? "500" : null, inputMode: "numeric")}
            {Fields.Input(form, "cache_hit", "Cache-hit share (Realtime)", "0 to 1; default 0.5")}
            </fieldset>
            <fieldset><legend>Volume</legend>
            <div class="row2">
            {Fields.Input(form, "calls_per_day", "Calls per day", value: first ? "20000" : null, inputMode: "numeric")}
            {Fields.Input(form, "concurrent_calls", "Concurrent calls", "peak; empty: calls spread over 24 h")}
            </div>
            {Fields.Input(form, "at", "Prices on", "empty for today", type: "date")}
            </fieldset>
            <div class="actions"><button type="submit">Calculate</button><a class="button secondary" href="/calls">Reset</a></div>
            </form>
            """;
    }

    private static string Results(CallView view, string qs, DateOnly today)
    {
        var plan = view.Plan;
        var html = new StringBuilder();
        html.Append($"<div class=\"model-line\"><span class=\"name\">{E(view.Model.BillingId)}</span>{Badges.Lifecycle(view.Model, today)} {Badges.Api(view.Model.Model)}<span class=\"small muted\">{plan.Turns.Count} turns, {Money.Number(plan.CallMinutes)} minutes a call</span></div>");
        foreach (var warning in plan.Warnings)
        {
            html.Append($"<div class=\"banner warn\" role=\"status\"><p><strong>{E(warning.Key)}</strong>: {E(warning.Message)}</p></div>");
        }

        string perMinute = plan.CostPerMinute is { } pm ? Money.Unit(pm) : "—";
        html.Append($"""
            <div class="kpis">
            <div class="kpi primary"><div class="label">Per call</div><div class="value" data-figure="per_call">{Money.Unit(plan.Total)}</div><div class="sub">{(view.Model.Model.Api == ModelApi.Realtime ? $"cache 0%: {Money.Unit(plan.CostWithNoCacheHit)} · 100%: {Money.Unit(plan.CostWithFullCacheHit)}" : "exact: " + E(Money.Exact(plan.Total)))}</div></div>
            <div class="kpi"><div class="label">Per minute</div><div class="value" data-figure="per_minute">{perMinute}</div><div class="sub">of call</div></div>
            <div class="kpi"><div class="label">Per day</div><div class="value" data-figure="per_day">{Money.Cents(view.PerDay)}</div><div class="sub">{Money.Count(view.Inputs.CallsPerDay)} calls</div></div>
            <div class="kpi"><div class="label">Per 30-day month</div><div class="value" data-figure="per_month">{Money.Cents(view.PerMonth)}</div><div class="sub">{Money.Count(view.Inputs.CallsPerDay * 30)} calls</div></div>
            </div>
            """);

        var capacity = view.Capacity;
        string lowest = capacity.LowestFit is { } fit ? fit.DisplayName : "no tier";
        html.Append($"""
            <section class="card" aria-labelledby="tiers-h">
            <div class="section-head"><h2 id="tiers-h">Which tier carries it</h2><span class="small muted">{Money.Number(view.ConcurrentCalls)} concurrent calls: {Money.Number(capacity.ResponsesPerMinute)} responses and {Money.Number(capacity.TokensPerMinute, 0)} tokens a minute</span></div>
            <p>Lowest tier that carries this load: <strong data-figure="tier">{E(lowest)}</strong></p>
            <div class="table-wrap"><table>
            <thead><tr><th scope="col">Tier</th><th scope="col" class="num">RPM</th><th scope="col" class="num">TPM</th><th scope="col" class="num">Max concurrent calls</th><th scope="col">Limited by</th><th scope="col">Carries it?</th></tr></thead><tbody>
            """);
        foreach (var t in capacity.Tiers)
        {
            string rpm = t.Tier.Rpm is { } r ? Money.Count(r.Value) : "—";
            string tpm = t.Tier.Tpm is { } tp ? Money.Count(tp.Value) : "—";
            html.Append($"<tr><th scope=\"row\">{E(t.Tier.DisplayName)}</th><td class=\"num\">{rpm}</td><td class=\"num\">{tpm}</td><td class=\"num\">{Money.Count(t.MaxConcurrentCalls)}</td><td>{E(t.LimitedBy.ToString().ToLowerInvariant())}</td><td>{(t.Fits ? "<span class=\"badge active\">yes</span>" : "<span class=\"badge shutdown\">no</span>")}</td></tr>");
        }

        html.Append("</tbody></table></div></section>");

        html.Append("""
            <section class="card" aria-labelledby="call-meters-h">
            <div class="section-head"><h2 id="call-meters-h">One call by meter</h2><span class="small muted">every turn resends the history as input</span></div>
            <div class="table-wrap"><table><thead><tr><th scope="col">Meter</th><th scope="col" class="num">Tokens</th><th scope="col" class="num">USD</th></tr></thead><tbody>
            """);
        foreach (var info in MeterTable.All)
        {
            if (plan.Usage[info.Meter].Value == 0)
            {
                continue;
            }

            html.Append($"<tr><th scope=\"row\">{E(info.Label)}</th><td class=\"num\">{Money.Count(plan.Usage[info.Meter].Value)}</td><td class=\"num\">{Money.Unit(plan.Cost[info.Meter])}</td></tr>");
        }

        html.Append($"<tr class=\"total\"><th scope=\"row\">Total</th><td class=\"num\">{Money.Count(plan.Usage.TotalTokens.Value)}</td><td class=\"num\">{Money.Unit(plan.Total)}</td></tr></tbody></table></div>");
        html.Append($"<div class=\"downloads\"><a class=\"button secondary\" href=\"/calls.csv{E(qs)}\" download>Download CSV</a><a class=\"button secondary\" href=\"/api/call{E(qs)}\">JSON (API)</a><a class=\"button secondary\" href=\"/calls{E(qs)}\">Link to these figures</a></div>");
        if (plan.Assumptions.Count > 0)
        {
            html.Append("<h3>Assumptions</h3><ul class=\"notes\">");
            foreach (var a in plan.Assumptions)
            {
                html.Append($"<li><span class=\"mono\">{E(a.Key)} = {E(a.Value)}</span>: {E(a.Why)}</li>");
            }

            html.Append("</ul>");
        }

        html.Append("</section>");
        return html.ToString();
    }

    internal static string QueryString(IQueryCollection query) =>
        Html.Html.Query(FieldNames.Select(name => new KeyValuePair<string, string?>(name, query.TryGetValue(name, out var v) ? v.ToString() : null)));
}
