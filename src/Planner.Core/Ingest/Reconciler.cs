using Planner.Core.Catalog;
using Planner.Core.Traces;
using Planner.Core.Units;

namespace Planner.Core.Ingest;

/// <summary>Prices usage per day, model and meter and sets it beside the Costs API's line items.</summary>
public static class Reconciler
{
    /// <summary>Reads <paramref name="usage"/> once and compares it with <paramref name="billed"/>.</summary>
    public static ReconcileResult Reconcile(IUsageSource usage, IReadOnlyList<BilledCost> billed, ModelCatalog catalog, Tolerance tolerance)
    {
        ArgumentNullException.ThrowIfNull(usage);
        ArgumentNullException.ThrowIfNull(billed);
        ArgumentNullException.ThrowIfNull(catalog);
        var meters = Enum.GetValues<Meter>();
        var priced = new Dictionary<(DateOnly Day, string Model, Meter Meter), Int128>();
        var pricesOf = new Dictionary<ResolvedModel, PriceSet>(ReferenceEqualityComparer.Instance);
        while (usage.TryRead(out var request))
        {
            var day = DateOnly.FromDateTime(request.Timestamp.UtcDateTime);
            string model = request.Model.BillingId;
            if (!pricesOf.TryGetValue(request.Model, out var prices))
            {
                prices = Pricing.PricingEngine.PricesAt(request.Model, request.Timestamp);
                pricesOf[request.Model] = prices;
            }

            foreach (var meter in meters)
            {
                long pico = request.Cost.Picodollars(meter);
                if (pico != 0 || request.Usage[meter].Value != 0)
                {
                    // A cached meter the model lists no price for bills at the input rate, on the bill's input line.
                    var key = (day, model, prices.BillsAtInputRate(meter) ? meter.Info().CachedFormOf!.Value : meter);
                    priced[key] = priced.GetValueOrDefault(key) + pico;
                }
            }
        }

        var bills = new Dictionary<(DateOnly Day, string Model, Meter Meter), (decimal Amount, string Item)>();
        var unparsed = new List<BilledCost>();
        foreach (var cost in billed)
        {
            if (cost.LineItem is not { } item || !LineItems.TryParse(item, catalog, out string model, out var meter))
            {
                unparsed.Add(cost);
                continue;
            }

            var key = (cost.Day, model, meter);
            var (sum, known) = bills.GetValueOrDefault(key, (0m, item));
            bills[key] = (sum + cost.Amount, known == item ? item : known + "; " + item);
        }

        var rows = priced.Keys.Union(bills.Keys)
            .OrderBy(k => k.Day).ThenBy(k => k.Model, StringComparer.Ordinal).ThenBy(k => k.Meter)
            .Select(k =>
            {
                var planner = Usd.FromPicodollars(priced.GetValueOrDefault(k));
                var bill = bills.TryGetValue(k, out var b) ? b : ((decimal, string?)?)null;
                decimal amount = bill?.Item1 ?? 0m;
                return new ReconcileRow(k.Day, k.Model, k.Meter, bill?.Item2, planner, amount, tolerance.Exceeded(amount - planner.Value, amount));
            })
            .ToList();
        var days = rows.Select(r => r.Day).Concat(unparsed.Select(u => u.Day)).Distinct().Order()
            .Select(day =>
            {
                var planner = Usd.FromPicodollars(priced.Where(p => p.Key.Day == day).Aggregate(Int128.Zero, (s, p) => s + p.Value));
                decimal amount = rows.Where(r => r.Day == day).Sum(r => r.Billed) + unparsed.Where(u => u.Day == day).Sum(u => u.Amount);
                return new ReconcileDay(day, planner, amount, tolerance.Exceeded(amount - planner.Value, amount));
            })
            .ToList();
        return new ReconcileResult { Rows = rows, Days = days, Unparsed = unparsed, Tolerance = tolerance };
    }
}
