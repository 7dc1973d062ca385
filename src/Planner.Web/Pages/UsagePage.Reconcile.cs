using System.Text;
using Planner.Contract.Results;
using Planner.Web.Html;
using static Planner.Web.Html.Html;

namespace Planner.Web.Pages;

/// <summary>The Your usage page's reconciliation section (<see cref="ReconcileResult"/>): Planner's figure beside the bill
/// per day and per line item, to the last digit.</summary>
public static partial class UsagePage
{
    private static string ReconciliationSection(ReconcileResult result)
    {
        var html = new StringBuilder("<section class=\"card\" aria-labelledby=\"reconcile-h\"><h2 id=\"reconcile-h\">Reconciliation with the bill</h2>");
        html.Append(result.Matches
            ? $"<div class=\"banner info\" role=\"status\"><p data-figure=\"reconcile_verdict\">Every day and line item of {E(result.Costs)} is within {E(result.Tolerance)} of Planner's figure.</p></div>"
            : $"<div class=\"banner warn\" role=\"status\"><p data-figure=\"reconcile_verdict\">Some days or line items of {E(result.Costs)} differ from Planner's figure by more than {E(result.Tolerance)} (marked below).</p></div>");
        html.Append($"""
            <div class="kpis">
            <div class="kpi"><div class="label">Planner</div><div class="value" data-figure="reconcile_planner">{E(Money.Exact(result.PlannerUsd))}</div></div>
            <div class="kpi"><div class="label">Billed</div><div class="value" data-figure="reconcile_billed">{E(Money.Exact(result.BilledUsd))}</div></div>
            <div class="kpi primary"><div class="label">Difference</div><div class="value" data-figure="reconcile_difference">{E(Money.Exact(result.DifferenceUsd))}</div><div class="sub">billed minus Planner</div></div>
            </div>
            """);
        html.Append("<h3>By day</h3><div class=\"table-wrap\"><table><caption class=\"sr-only\">Planner and the bill per UTC day</caption><thead><tr><th scope=\"col\">Day (UTC)</th><th scope=\"col\" class=\"num\">Planner</th><th scope=\"col\" class=\"num\">Billed</th><th scope=\"col\" class=\"num\">Difference</th><th scope=\"col\">Within tolerance</th></tr></thead><tbody>");
        foreach (var day in result.Days)
        {
            html.Append($"<tr data-row=\"day\"><th scope=\"row\">{day.Day:yyyy-MM-dd}</th><td class=\"num\">{E(Money.Exact(day.PlannerUsd))}</td><td class=\"num\">{E(Money.Exact(day.BilledUsd))}</td><td class=\"num\">{E(Money.Exact(day.DifferenceUsd))}</td><td>{(day.Exceeded ? "<strong>no</strong>" : "yes")}</td></tr>");
        }

        html.Append("</tbody></table></div>");
        html.Append("<h3>By line item</h3><div class=\"table-wrap\"><table><caption class=\"sr-only\">Planner and the bill per day, model and meter</caption><thead><tr><th scope=\"col\">Day</th><th scope=\"col\">Model</th><th scope=\"col\">Meter</th><th scope=\"col\">Billed line item</th><th scope=\"col\" class=\"num\">Planner</th><th scope=\"col\" class=\"num\">Billed</th><th scope=\"col\" class=\"num\">Difference</th><th scope=\"col\">Within tolerance</th></tr></thead><tbody>");
        foreach (var item in result.LineItems)
        {
            html.Append($"<tr data-row=\"line_item\"><td class=\"nowrap\">{item.Day:yyyy-MM-dd}</td><th scope=\"row\" class=\"nowrap\">{E(item.Model)}</th><td>{E(item.MeterLabel)}</td><td class=\"small\">{(item.LineItem is { } li ? E(li) : "<span class=\"muted\">nothing billed</span>")}</td><td class=\"num\">{E(Money.Exact(item.PlannerUsd))}</td><td class=\"num\">{E(Money.Exact(item.BilledUsd))}</td><td class=\"num\" data-figure=\"difference\">{E(Money.Exact(item.DifferenceUsd))}</td><td>{(item.Exceeded ? "<strong>no</strong>" : "yes")}</td></tr>");
        }

        html.Append("</tbody></table></div>");
        if (result.Unparsed.Count > 0)
        {
            html.Append("<h3>Billed line items Planner could not read</h3><p class=\"small muted\">Counted in their day's billed total, not matched to a model and meter.</p><ul class=\"notes\">");
            foreach (var item in result.Unparsed)
            {
                html.Append($"<li data-row=\"unparsed\">{E(result.Costs)}:{item.Line}: {item.Day:yyyy-MM-dd} · {E(item.LineItem ?? "(no line_item)")} · {E(Money.Exact(item.BilledUsd))}</li>");
            }

            html.Append("</ul>");
        }

        html.Append(Download(UsageCsv.Reconciliation(result), Stem(result.Trace) + "-reconciliation.csv", "Download CSV"));
        html.Append("</section>");
        return html.ToString();
    }
}
