using Planner.Core.Units;

namespace Planner.Core.Catalog;

/// <summary>Reads a price set's per-meter price (nullable since a model lists only the meters it has)
/// where the caller knows the meter is priced, as code written before meters became optional did.</summary>
public static class ListedPrice
{
    extension(PricePerMillionTokens? price)
    {
        /// <summary>USD per 1M tokens of a listed price.</summary>
        /// <exception cref="InvalidOperationException">The meter has no price.</exception>
        public decimal UsdPerMillion => Listed(price).UsdPerMillion;

        /// <summary>Picodollars per token of a listed price.</summary>
        /// <exception cref="InvalidOperationException">The meter has no price.</exception>
        public long PicodollarsPerToken => Listed(price).PicodollarsPerToken;
    }

    private static PricePerMillionTokens Listed(PricePerMillionTokens? price) =>
        price ?? throw new InvalidOperationException("the model lists no price for this meter; check PriceSet.Prices(meter) first");
}
