using Planner.Core.Catalog;
using Planner.Core.Units;

namespace Planner.Core.Tests;

/// <summary>Models built in code with FACTS.md section 2's figures, pricing the meters the bundled
/// catalog does not have yet (cached audio, image): the realtime models arrive in data/catalog.json
/// with the catalog branch.</summary>
public static class MeterTestCatalog
{
    private static PricePerMillionTokens P(decimal usd) => PricePerMillionTokens.FromUsdPerMillion(usd);

    /// <summary>gpt-realtime-2.1-mini: text 0.60 / 0.06 / 2.40, audio 10 / 0.30 / 20, image 0.80 / 0.08; 128,000 / 32,000.</summary>
    public static PriceSet RealtimeMiniPrices { get; } = new()
    {
        EffectiveFrom = new DateOnly(2026, 7, 6),
        TextInput = P(0.60m),
        CachedTextInput = P(0.06m),
        AudioInput = P(10m),
        CachedAudioInput = P(0.30m),
        ImageInput = P(0.80m),
        CachedImageInput = P(0.08m),
        TextOutput = P(2.40m),
        AudioOutput = P(20m),
        Source = TestData.TestSource,
    };

    /// <summary>gpt-4o-mini-realtime-preview: text 0.60 / 0.30 / 2.40, audio 10 / 0.30 / 20, no image; 16,000 / 4,096.</summary>
    public static PriceSet MiniRealtimePreviewPrices { get; } = new()
    {
        EffectiveFrom = new DateOnly(2024, 12, 17),
        TextInput = P(0.60m),
        CachedTextInput = P(0.30m),
        AudioInput = P(10m),
        CachedAudioInput = P(0.30m),
        TextOutput = P(2.40m),
        AudioOutput = P(20m),
        Source = TestData.TestSource,
    };

    /// <summary>A model with image input but no cached prices at all (so every cached meter falls back).</summary>
    public static PriceSet ImageNoCachePrices { get; } = new()
    {
        EffectiveFrom = new DateOnly(2026, 1, 1),
        TextInput = P(4m),
        AudioInput = P(32m),
        ImageInput = P(5m),
        TextOutput = P(24m),
        AudioOutput = P(64m),
        Source = TestData.TestSource,
    };

    public static ModelCatalog Catalog { get; } = new(
        [
            Model("gpt-realtime-2.1-mini", RealtimeMiniPrices, 128_000, 32_000),
            Model("gpt-4o-mini-realtime-preview", MiniRealtimePreviewPrices, 16_000, 4_096),
            Model("image-no-cache", ImageNoCachePrices, 128_000, 32_000),
            TestData.Catalog.Resolve("gpt-audio-mini").Model,
        ],
        TestData.Rates());

    /// <summary>A day every model here has a price.</summary>
    public static readonly DateTimeOffset PricedDay = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static ModelSpec Model(string id, PriceSet prices, long context, long maxOutput) =>
        TestData.Model(id, [prices]) with { ContextWindow = new TokenCount(context), MaxOutputTokens = new TokenCount(maxOutput) };
}
