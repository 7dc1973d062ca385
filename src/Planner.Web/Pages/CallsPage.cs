using System.Text;
using Microsoft.AspNetCore.Http;
using Planner.Core;
using Planner.Core.Catalog;
using Planner.Contract.Queries;
using Planner.Contract.Services;
using Planner.Web.Api;
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

    /// <summary>Binds the contract's <see cref="CallQuery"/> from the query string (a first visit: <see cref="CallRun.Example"/>),
    /// puts every <see cref="CallQuery.Validate"/> problem on <paramref name="form"/> by field, and runs <see cref="CallService"/>
    /// and <see cref="CapacityService.RunCalls"/>; null with the errors on the form, or with Core's message.</summary>
    internal static (CallRun? View, string? Failure) Run(Site site, FormValues form, IQueryCollection query)
    {
        bool first = !form.Submitted;
        var call = CallRun.Example;
        if (!first)
        {
            var (bound, errors) = QueryBinder.FromQuery<CallQuery>(query);
            call = bound with { Model = form.Text("model", CallRun.DefaultModel) };
            form.AddErrors(QueryBinder.WithValidation(errors, call.Validate));
            // A shared link with a typo must not show the default figures as if they were asked for.
            form.AddErrors(QueryBinder.Unknown(query.Keys, [.. FieldNames, .. QueryBinder.Fields<CallQuery>().Select(f => f.Name).Except(FieldNames)]));
        }

        if (form.ErrorFor("model") is null && !site.Catalog.TryResolve(call.Model, out _))
        {
            form.Error("model", $"model: unknown model '{call.Model}'");
        }

        long callsPerDay = (first ? CallRun.ExampleCallsPerDay : form.Long("calls_per_day", 0, 100_000_000)) ?? 0;
        decimal? concurrent = form.Decimal("concurrent_calls", 0.01m, 10_000_000);
        if (form.Errors.Count > 0)
        {
            return (null, null);
        }

        try
        {
            var result = CallService.Run(call, site.Catalog, site.Now);
            // The tiers from the contract's capacity service. Without a concurrency given, calls a day spread evenly over
            // 24 hours: calls a minute = calls a day / 1,440.
            var capacityQuery = new CapacityQuery
            {
                Model = call.Model,
                Turns = call.Turns,
                Minutes = call.Minutes,
                UserAudioSeconds = call.UserAudioSeconds,
                AssistantAudioSeconds = call.AssistantAudioSeconds,
                SystemTextTokens = call.SystemTextTokens,
                CacheHit = call.CacheHit,
                ConcurrentCalls = concurrent,
                CallsPerMinute = concurrent is null ? Math.Max(callsPerDay / 1_440m, 0.000001m) : null,
                At = call.At,
            };
            if (capacityQuery.Validate() is { Count: > 0 } capacityErrors)
            {
                form.AddErrors(capacityErrors);
                return (null, null);
            }

            var perDay = result.TotalUsd * callsPerDay;
            return (new CallRun(call, site.Catalog.Resolve(call.Model), result, callsPerDay, perDay, perDay * 30, CapacityService.RunCalls(capacityQuery, site.Catalog, site.Now)), null);
        }
        catch (PlannerException e)
        {
            return (null, form.Refusal(e, FieldNames));
        }
    }

    public static string Render(Site site, IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(query);
        var form = new FormValues(query);
        var (view, failure) = Run(site, form, query);
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
            {Fields.ModelSelect(form, "model", "Model", site.Catalog, today, form.Text("model", CallRun.DefaultModel))}
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

    private static string Results(CallRun view, string qs, DateOnly today)
    {
        var call = view.Call;
        var html = new StringBuilder();
        html.Append($"<div class=\"model-line\"><span class=\"name\">{E(call.Model)}</span>{Badges.Lifecycle(view.Model, today)} {Badges.Api(view.Model.Model)}<span class=\"small muted\">{call.TurnCount} turns, {Money.Number(call.CallMinutes)} minutes a call</span></div>");
        foreach (var warning in call.Warnings)
        {
            html.Append($"<div class=\"banner warn\" role=\"status\"><p><strong>{E(warning.Key)}</strong>: {Prose(warning.Message)}</p></div>");
        }

        string perMinute = call.CostPerMinuteUsd is { } pm ? Money.Unit(pm) : "—";
        html.Append($"""
            <div class="kpis">
            <div class="kpi primary"><div class="label">Per call</div><div class="value" data-figure="per_call">{Money.Unit(call.TotalUsd)}</div><div class="sub">{(view.Model.Model.Api == ModelApi.Realtime ? $"cache 0%: {Money.Unit(call.TotalAtCacheHit0Usd)} · 100%: {Money.Unit(call.TotalAtCacheHit1Usd)}" : "exact: " + E(Money.Exact(call.TotalUsd)))}</div></div>
            <div class="kpi"><div class="label">Per minute</div><div class="value" data-figure="per_minute">{perMinute}</div><div class="sub">of call</div></div>
            <div class="kpi"><div class="label">Per day</div><div class="value" data-figure="per_day">{Money.Cents(view.PerDay)}</div><div class="sub">{Money.Count(view.CallsPerDay)} calls</div></div>
            <div class="kpi"><div class="label">Per 30-day month</div><div class="value" data-figure="per_month">{Money.Cents(view.PerMonth)}</div><div class="sub">{Money.Count(view.CallsPerDay * 30)} calls</div></div>
            </div>
            """);

        var capacity = view.Capacity;
        html.Append($"""
            <section class="card" aria-labelledby="tiers-h">
            <div class="section-head"><h2 id="tiers-h">Which tier carries it</h2><span class="small muted">{Money.Number(capacity.ConcurrentCalls)} concurrent calls: {Money.Number(capacity.ResponsesPerMinute)} responses and {Money.Number(capacity.TokensPerMinute, 0)} tokens a minute</span></div>
            <p>Lowest tier that carries this load: <strong data-figure="tier">{E(capacity.LowestTierThatFits is { } fit ? TierName.Parse(fit).DisplayName : "no tier")}</strong></p>
            <div class="table-wrap"><table>
            <thead><tr><th scope="col">Tier</th><th scope="col" class="num">RPM</th><th scope="col" class="num">TPM</th><th scope="col" class="num">Max concurrent calls</th><th scope="col">Limited by</th><th scope="col">Carries it?</th></tr></thead><tbody>
            """);
        foreach (var t in capacity.Tiers)
        {
            string rpm = t.Rpm is { } r ? Money.Count(r) : "—";
            string tpm = t.Tpm is { } tp ? Money.Count(tp) : "—";
            html.Append($"<tr><th scope=\"row\">{E(TierName.Parse(t.Tier).DisplayName)}</th><td class=\"num\">{rpm}</td><td class=\"num\">{tpm}</td><td class=\"num\">{Money.Count(t.MaxConcurrentCalls)}</td><td>{E(t.LimitedBy)}</td><td>{(t.Fits ? "<span class=\"badge active\">yes</span>" : "<span class=\"badge shutdown\">no</span>")}</td></tr>");
        }

        html.Append("</tbody></table></div></section>");

        html.Append("""
            <section class="card" aria-labelledby="call-meters-h">
            <div class="section-head"><h2 id="call-meters-h">One call by meter</h2><span class="small muted">every turn resends the history as input</span></div>
            <div class="table-wrap"><table><thead><tr><th scope="col">Meter</th><th scope="col" class="num">Tokens</th><th scope="col" class="num">USD</th></tr></thead><tbody>
            """);
        foreach (var info in MeterTable.All)
        {
            if (call.Tokens[info.Meter] == 0)
            {
                continue;
            }

            html.Append($"<tr><th scope=\"row\">{E(info.Label)}</th><td class=\"num\">{Money.Count(call.Tokens[info.Meter])}</td><td class=\"num\">{Money.Unit(call.CostUsd[info.Meter])}</td></tr>");
        }

        html.Append($"<tr class=\"total\"><th scope=\"row\">Total</th><td class=\"num\">{Money.Count(call.Tokens.Total)}</td><td class=\"num\">{Money.Unit(call.TotalUsd)}</td></tr></tbody></table></div>");
        html.Append($"<div class=\"downloads\"><a class=\"button secondary\" href=\"/calls.csv{E(qs)}\" download>Download CSV</a><a class=\"button secondary\" href=\"/api/call{E(CallApiQuery(view.Query))}\">Call as JSON (API)</a><a class=\"button secondary\" href=\"/api/capacity/calls{E(ApiQuery(view))}\">Tiers as JSON (API)</a><a class=\"button secondary\" href=\"/calls{E(qs)}\">Link to these figures</a></div>");
        if (call.Assumptions.Count > 0)
        {
            html.Append("<h3>Assumptions</h3><ul class=\"notes\">");
            foreach (var a in call.Assumptions)
            {
                html.Append($"<li><span class=\"mono\">{E(a.Name)} = {E(a.Value)}</span>: {Prose(a.Why)}</li>");
            }

            html.Append("</ul>");
        }

        html.Append("</section>");
        return html.ToString();
    }

    /// <summary>The call's own fields, for /api/call.</summary>
    private static string CallApiQuery(CallQuery call) => Html.Html.Query(
    [
        new("model", call.Model),
        new("turns", call.Turns?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("minutes", call.Minutes?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("user_audio_seconds", call.UserAudioSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("assistant_audio_seconds", call.AssistantAudioSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("system_text_tokens", call.SystemTextTokens == 0 ? null : call.SystemTextTokens.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("cache_hit", call.CacheHit?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("at", call.At),
    ]);

    /// <summary>The capacity query of the view, for /api/capacity/calls.</summary>
    private static string ApiQuery(CallRun view) => Html.Html.Query(
    [
        new("model", view.Query.Model),
        new(view.Query.Minutes is null ? "turns" : "minutes", (view.Query.Minutes ?? view.Query.Turns)?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("user_audio_seconds", view.Query.UserAudioSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("assistant_audio_seconds", view.Query.AssistantAudioSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("system_text_tokens", view.Query.SystemTextTokens.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("concurrent_calls", view.Capacity.ConcurrentCalls.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ]);

    internal static string QueryString(IQueryCollection query) =>
        Html.Html.Query(FieldNames.Select(name => new KeyValuePair<string, string?>(name, query.TryGetValue(name, out var v) ? v.ToString() : null)));
}
