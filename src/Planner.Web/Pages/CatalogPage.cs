using System.Text;
using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Web.Html;
using static Planner.Web.Html.Html;

namespace Planner.Web.Pages;

/// <summary>The Catalog page: every model with its prices in effect today, caps, tiers, lifecycle and sources.</summary>
public static class CatalogPage
{
    /// <summary>The meters the price table shows (the others are listed per model when priced).</summary>
    private static readonly Meter[] Shown = [Meter.TextInput, Meter.CachedTextInput, Meter.AudioInput, Meter.CachedAudioInput, Meter.TextOutput, Meter.AudioOutput];

    public static string Render(Site site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var now = site.Now;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var catalog = site.Catalog;
        var html = new StringBuilder();
        var scheme = catalog.TierSchedule.At(today);
        html.Append($"""
            <section class="card" aria-labelledby="prices-h">
            <div class="section-head"><h2 id="prices-h">Prices in effect on {Money.Date(today)}</h2><span class="small muted">USD per 1M tokens · tier scheme {E(scheme.Id)} ({E(scheme.Names)})</span></div>
            <div class="table-wrap"><table>
            <thead><tr><th scope="col">Model</th><th scope="col">Status</th>
            """);
        foreach (var meter in Shown)
        {
            html.Append($"<th scope=\"col\" class=\"num\">{E(meter.Info().Label)}</th>");
        }

        html.Append("<th scope=\"col\" class=\"num\">Context</th><th scope=\"col\" class=\"num\">Max output</th></tr></thead><tbody>");
        foreach (var model in catalog.Models)
        {
            var resolved = catalog.Resolve(model.Id);
            var prices = PricesAt(resolved, now);
            html.Append($"<tr><th scope=\"row\"><a href=\"#m-{E(model.Id)}\">{E(model.Id)}</a><br><span class=\"small muted\">{E(model.DisplayName)}</span></th><td>{Badges.Lifecycle(resolved, today)}<br>{Badges.Api(model)}</td>");
            foreach (var meter in Shown)
            {
                html.Append($"<td class=\"num\">{Money.Price(prices.Listed(meter))}</td>");
            }

            html.Append($"<td class=\"num\">{Money.Count(model.ContextWindow.Value)}</td><td class=\"num\">{Money.Count(model.MaxOutputTokens.Value)}</td></tr>");
        }

        html.Append("</tbody></table></div><p class=\"small muted\">— : the model does not price that meter. Cached input bills at the input rate where no cached price is listed.</p></section>");

        foreach (var model in catalog.Models)
        {
            html.Append(ModelCard(catalog, model, today, now));
        }

        return Layout.Document("Catalog", "/catalog", "Every model Planner prices: today's prices, caps, usage tiers, lifecycle, and the public source of each figure.", html.ToString(), site);
    }

    private static string ModelCard(ModelCatalog catalog, ModelSpec model, DateOnly today, DateTimeOffset now)
    {
        var resolved = catalog.Resolve(model.Id);
        var html = new StringBuilder();
        html.Append($"""
            <section class="card" id="m-{E(model.Id)}" aria-labelledby="h-{E(model.Id)}">
            <div class="model-line"><h2 id="h-{E(model.Id)}" class="name">{E(model.Id)}</h2>{Badges.Lifecycle(resolved, today)} {Badges.Api(model)}</div>
            <p class="small">{E(model.Description)}</p>
            <p class="small muted">Context {Money.Count(model.ContextWindow.Value)} tokens · max output {Money.Count(model.MaxOutputTokens.Value)} tokens
            """);
        if (model.Released is { } released)
        {
            html.Append($" · released {Money.Date(released)}");
        }

        if (model.Aliases.Count > 0)
        {
            html.Append($" · aliases {E(string.Join(", ", model.Aliases))}");
        }

        if (model.Snapshots.Count > 0)
        {
            html.Append($" · snapshots {E(string.Join(", ", model.Snapshots.Select(s => s.Id)))}");
        }

        html.Append("</p>");
        var ladder = catalog.TiersAt(model, today);
        if (ladder is { Count: > 0 })
        {
            html.Append($"""
                <h3>Usage tiers ({E(ladder.Scheme.Id)})</h3>
                <div class="table-wrap"><table><thead><tr><th scope="col">Tier</th><th scope="col" class="num">RPM</th><th scope="col" class="num">TPM</th><th scope="col" class="num">Monthly usage limit</th><th scope="col">Qualification</th></tr></thead><tbody>
                """);
            foreach (var tier in ladder)
            {
                string rpm = tier.Supported && tier.Rpm is { } r ? Money.Count(r.Value) : "—";
                string tpm = tier.Supported && tier.Tpm is { } t ? Money.Count(t.Value) : "—";
                string assumed = tier.Source.IsAssumption ? " <span class=\"badge preview\" title=\"carried over or inferred, see the source\">assumed</span>" : "";
                html.Append($"<tr><th scope=\"row\">{E(tier.DisplayName)}{assumed}</th><td class=\"num\">{rpm}</td><td class=\"num\">{tpm}</td><td class=\"num\">{Money.Exact(tier.MonthlyUsageLimit)}</td><td class=\"small\">{E(tier.Qualification)}</td></tr>");
            }

            html.Append("</tbody></table></div>");
        }

        html.Append("<h3>Sources</h3><ul class=\"notes\">");
        var prices = PricesAt(resolved, now);
        html.Append(SourceItem($"Prices (from {Money.Date(prices.EffectiveFrom)})", prices.Source));
        html.Append(SourceItem("Context window and output cap", model.LimitsSource));
        if (model.LifecycleSource is { } lifecycle)
        {
            html.Append(SourceItem("Lifecycle", lifecycle));
        }

        if (ladder is { Count: > 0 })
        {
            html.Append(SourceItem("Tiers", ladder[0].Source));
        }

        html.Append("</ul></section>");
        return html.ToString();
    }

    /// <summary>The prices in effect now; for a model shut down (or not yet priced), its last listed prices.</summary>
    private static PriceSet PricesAt(ResolvedModel model, DateTimeOffset now)
    {
        int index = PricingEngine.PriceIndexAt(model.Prices, now);
        return index >= 0 ? model.Prices[index] : model.Prices[^1];
    }

    private static string SourceItem(string what, Source source)
    {
        string link = Uri.TryCreate(source.Url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? $"<a href=\"{E(source.Url)}\" rel=\"noreferrer\">{E(source.Url)}</a>"
            : E(source.Url);
        string note = source.Note is { } n ? $" <span class=\"muted\">({E(n)})</span>" : "";
        string assumed = source.IsAssumption ? " <span class=\"badge preview\">assumption</span>" : "";
        return $"<li>{E(what)}: {link}{assumed}{note}</li>";
    }
}
