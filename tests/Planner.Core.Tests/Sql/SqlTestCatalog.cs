using Planner.Core.Catalog;
using Planner.Core.Units;

namespace Planner.Core.Tests.Sql;

/// <summary>A small catalog written in code (independent of data/catalog.json) that has every case the pricing query
/// resolves: a price change, an alias, a snapshot with its own prices and a shutdown, a snapshot on its model's prices,
/// and a second model.</summary>
/// <remarks>Prices, USD per 1M tokens (text in, cached in, audio in, text out, audio out):
/// gpt-audio-mini from 2025-10-06: 0.60, (none: 0.60), 10, 2.40, 20; from 2026-01-16: 0.50, 0.05, 8, 2, 16.
/// Snapshot gpt-audio-mini-2025-10-06 (own prices from 2025-10-06, shut down 2026-01-17): 0.70, 0.07, 11, 2.80, 22.
/// gpt-audio from 2025-08-28: 2.50, (none), 32, 10, 64. Alias "audio-mini" is gpt-audio-mini.</remarks>
public static class SqlTestCatalog
{
    public static ModelCatalog Catalog { get; } = Build();

    private static ModelCatalog Build()
    {
        var source = new Source("https://example.test/prices");
        static PricePerMillionTokens P(decimal usd) => PricePerMillionTokens.FromUsdPerMillion(usd);
        PriceSet Set(int y, int m, int d, decimal ti, decimal? ci, decimal ai, decimal to, decimal ao) => new()
        {
            EffectiveFrom = new DateOnly(y, m, d),
            TextInput = P(ti),
            CachedTextInput = ci is { } c ? P(c) : null,
            AudioInput = P(ai),
            TextOutput = P(to),
            AudioOutput = P(ao),
            Source = source,
        };

        ModelSpec Model(string id, IReadOnlyList<PriceSet> prices, IReadOnlyList<Snapshot> snapshots, IReadOnlyList<string> aliases) => new()
        {
            Id = id,
            DisplayName = id,
            Prices = prices,
            Snapshots = snapshots,
            Aliases = aliases,
            ContextWindow = new TokenCount(128_000),
            MaxOutputTokens = new TokenCount(16_384),
            LimitsSource = source,
            Tiers = [],
        };

        var mini = Model("gpt-audio-mini",
            [Set(2025, 10, 6, 0.60m, null, 10m, 2.40m, 20m), Set(2026, 1, 16, 0.50m, 0.05m, 8m, 2m, 16m)],
            [
                new Snapshot { Id = "gpt-audio-mini-2025-10-06", Prices = [Set(2025, 10, 6, 0.70m, 0.07m, 11m, 2.80m, 22m)], Shutdown = new DateOnly(2026, 1, 17) },
                new Snapshot { Id = "gpt-audio-mini-2025-12-15" },
            ],
            ["audio-mini"]);
        var audio = Model("gpt-audio", [Set(2025, 8, 28, 2.50m, null, 32m, 10m, 64m)], [new Snapshot { Id = "gpt-audio-2025-08-28" }], []);
        var rates = new AudioTokenRates
        {
            Input = AudioTokenRate.FromTokensPerSecond(10),
            Output = AudioTokenRate.FromTokensPerSecond(20),
            Source = source,
        };
        return new ModelCatalog([mini, audio], rates, "sql-test-1");
    }
}
