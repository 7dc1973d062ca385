using System.Globalization;
using Planner.Core.Catalog;

namespace Planner.Core.Pricing;

/// <summary>Prices requests exactly against a catalog, with the prices in effect at a timestamp.</summary>
public sealed class PricingEngine
{
    public PricingEngine(ModelCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Catalog = catalog;
    }

    public ModelCatalog Catalog { get; }

    /// <summary>Prices one request on a named model (id, alias or snapshot) at <paramref name="at"/>.</summary>
    /// <exception cref="PlannerException">Unknown model, a cap broken, no price at that time, or the model shut down.</exception>
    public Quote Price(string model, in Usage usage, DateTimeOffset at) => Price(Catalog.Resolve(model), usage, at);

    /// <summary>Prices one request on a resolved model at <paramref name="at"/>.</summary>
    /// <exception cref="PlannerException">A cap broken, no price at that time, a meter the model does not price, or the model shut down.</exception>
    public static Quote Price(ResolvedModel model, in Usage usage, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(model);
        RequestCaps.Ensure(model.Model, usage);
        var prices = PricesAt(model, at);
        return new Quote(model, usage, prices, new PriceSheet(prices, model.BillingId).Price(usage));
    }

    /// <summary>The price set in effect at <paramref name="at"/>.</summary>
    /// <exception cref="PlannerException">Before the first price, or at or after the shutdown date.</exception>
    public static PriceSet PricesAt(ResolvedModel model, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(model);
        int index = PriceIndexAt(model.Prices, at);
        if (index < 0)
        {
            throw new PlannerException(PlannerErrorKind.BeforeFirstPrice,
                $"{model.BillingId} has no price before {Date(model.Prices[0].EffectiveFrom)}; the request is dated {Instant(at)}");
        }

        if (model.Shutdown is { } shutdown && at >= new DateTimeOffset(shutdown.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))
        {
            throw new PlannerException(PlannerErrorKind.AfterShutdown,
                $"{model.BillingId} was shut down on {Date(shutdown)}; the request is dated {Instant(at)}");
        }

        return model.Prices[index];
    }

    /// <summary>The index of the price set in effect at <paramref name="at"/>, or -1 before the first.
    /// Sets are in ascending date order, so this is a binary search.</summary>
    public static int PriceIndexAt(IReadOnlyList<PriceSet> prices, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        int lo = 0;
        int hi = prices.Count - 1;
        int found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (prices[mid].EffectiveFrom <= day)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
