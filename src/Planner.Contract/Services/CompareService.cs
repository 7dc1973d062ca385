using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Core;
using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Units;

namespace Planner.Contract.Services;

/// <summary>Runs <c>compare</c>: prices the query's request on each model, exactly, with ratios to the first.</summary>
public static class CompareService
{
    /// <summary>The result of a validated query; an unknown model or a request over a model's cap throws
    /// <see cref="PlannerException"/>.</summary>
    public static CompareResult Run(CompareQuery query, ModelCatalog catalog, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(catalog);
        var at = query.Instant(now);
        var shape = query.ToShape();
        var names = query.Models.Count == 0
            ? catalog.Models.Select(m => catalog.Resolve(m.Id)).Where(m => m.StatusAt(DateOnly.FromDateTime(at.UtcDateTime)) == LifecycleStatus.Active).Select(m => m.Model.Id).ToList()
            : query.Models;
        if (names.Count == 0)
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument, $"no model is active on {at:yyyy-MM-dd}; name the models to compare");
        }

        var warnings = new WarningList();
        var assumptions = new AssumptionList().AddAudioRates(query.Rates(catalog.AudioTokenRates), shape.UsesAudioRates);
        var priced = new List<(Quote Quote, CostTotals Totals)>();
        foreach (var name in names)
        {
            var model = catalog.Resolve(name);
            var usage = shape.ToUsage(query.Rates(catalog.RatesFor(model.Model)));
            var quote = PricingEngine.Price(model, usage, at);
            warnings.For(model, at);
            var totals = new CostTotals();
            totals.Add(usage, quote.Cost, query.Requests);
            priced.Add((quote, totals));
        }

        foreach (var (quote, _) in priced)
        {
            assumptions.AddCachedFallbacks(quote.Model.BillingId, quote.Prices, quote.Usage);
        }

        var baseline = priced[0].Totals.Total;
        return new CompareResult
        {
            Requests = query.Requests,
            Baseline = priced[0].Quote.Model.Model.Id,
            Models = [.. priced.Select(p => new CompareModelRow
            {
                Model = p.Quote.Model.Model.Id,
                Tokens = MeterTokens.From(p.Quote.Usage),
                PricesUsdPer1m = MeterRates.From(p.Quote.Prices, m => p.Quote.Usage[m].Value > 0 || p.Quote.Prices.Listed(m) is not null),
                BreakdownUsd = MeterAmounts.From(p.Totals),
                PerRequestUsd = p.Quote.Cost.Total,
                TotalUsd = p.Totals.Total,
                RatioToBaseline = baseline == Usd.Zero ? null : Math.Round(p.Totals.Total / baseline, 6),
                DifferenceUsd = p.Totals.Total - baseline,
            })],
            Warnings = warnings.Items,
            Assumptions = assumptions.Items,
        };
    }
}
