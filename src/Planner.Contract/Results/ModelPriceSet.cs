using System.Text.Json.Serialization;

namespace Planner.Contract.Results;

/// <summary>One price set of a model or snapshot.</summary>
public sealed record ModelPriceSet
{
    public required DateOnly EffectiveFrom { get; init; }

    /// <summary>USD per 1M tokens each meter bills at (a cached meter without its own price at its input meter's); null where none.</summary>
    [JsonPropertyName("usd_per_1m_tokens")]
    public required MeterRates UsdPer1mTokens { get; init; }

    /// <summary>False when the cached text input price is the text input rate, not a listed one.</summary>
    public required bool CachedInputListed { get; init; }

    public required string Source { get; init; }

    /// <summary>The item of a Core price set.</summary>
    public static ModelPriceSet From(Planner.Core.Catalog.PriceSet prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        return new ModelPriceSet
        {
            EffectiveFrom = prices.EffectiveFrom,
            UsdPer1mTokens = MeterRates.From(prices, _ => true),
            CachedInputListed = prices.CachedTextInput is not null,
            Source = prices.Source.Url,
        };
    }
}
