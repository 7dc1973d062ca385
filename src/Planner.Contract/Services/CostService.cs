using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Core.Catalog;
using Planner.Core.Pricing;

namespace Planner.Contract.Services;

/// <summary>Runs <c>cost</c>: prices one request of the query's shape and multiplies it by the request count, exactly.</summary>
public static class CostService
{
    /// <summary>The result of a validated query; input the catalog refuses (an unknown model, a request over a cap)
    /// throws <see cref="Planner.Core.PlannerException"/>.</summary>
    public static CostResult Run(CostQuery query, ModelCatalog catalog, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(catalog);
        var model = catalog.Resolve(query.Model);
        var rates = query.Rates(catalog.RatesFor(model.Model));
        var shape = query.ToShape();
        var usage = shape.ToUsage(rates);
        var at = query.Instant(now);
        var quote = PricingEngine.Price(model, usage, at);
        var totals = new CostTotals();
        totals.Add(usage, quote.Cost, query.Requests);
        var assumptions = new AssumptionList().AddAudioRates(rates, shape.UsesAudioRates).AddCachedFallbacks(model.BillingId, quote.Prices, usage);
        return new CostResult
        {
            Model = model.Model.Id,
            Snapshot = model.Snapshot?.Id,
            Requests = query.Requests,
            PricesEffectiveFrom = quote.Prices.EffectiveFrom,
            Tokens = MeterTokens.From(usage),
            PricesUsdPer1m = MeterRates.From(quote.Prices, m => usage[m].Value > 0 || quote.Prices.Listed(m) is not null),
            BreakdownUsd = MeterAmounts.From(totals),
            PerRequestBreakdownUsd = MeterAmounts.From(quote.Cost),
            PerRequestUsd = quote.Cost.Total,
            TotalUsd = totals.Total,
            Warnings = new WarningList().For(model, at).Items,
            Assumptions = assumptions.Items,
        };
    }
}
