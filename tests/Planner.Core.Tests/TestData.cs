using Planner.Core.Catalog;
using Planner.Core.Catalog.Json;
using Planner.Core.Units;

namespace Planner.Core.Tests;

/// <summary>The bundled catalog, small hand-built ones, and temporary trace files.</summary>
public static class TestData
{
    private static readonly Lazy<ModelCatalog> Bundled = new(() => CatalogJson.Load(BundledCatalogPath));

    public static string DataDirectory => Path.Combine(AppContext.BaseDirectory, "data");

    public static string BundledCatalogPath => Path.Combine(DataDirectory, "catalog.json");

    /// <summary>data/catalog.json, loaded once.</summary>
    public static ModelCatalog Catalog => Bundled.Value;

    /// <summary>A day on which every bundled model has a price.</summary>
    public static readonly DateTimeOffset PricedDay = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    public static readonly Source TestSource = new("https://example.test/prices");

    public static PriceSet Prices(string from, decimal textIn, decimal audioIn, decimal textOut, decimal audioOut, decimal? cached = null) => new()
    {
        EffectiveFrom = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
        TextInput = PricePerMillionTokens.FromUsdPerMillion(textIn),
        CachedTextInput = cached is { } c ? PricePerMillionTokens.FromUsdPerMillion(c) : null,
        AudioInput = PricePerMillionTokens.FromUsdPerMillion(audioIn),
        TextOutput = PricePerMillionTokens.FromUsdPerMillion(textOut),
        AudioOutput = PricePerMillionTokens.FromUsdPerMillion(audioOut),
        Source = TestSource,
    };

    public static ModelSpec Model(string id, IReadOnlyList<PriceSet> prices, DateOnly? shutdown = null, IReadOnlyList<Snapshot>? snapshots = null) => new()
    {
        Id = id,
        DisplayName = id,
        Prices = prices,
        ContextWindow = new TokenCount(128_000),
        MaxOutputTokens = new TokenCount(16_384),
        LimitsSource = TestSource,
        Shutdown = shutdown,
        Snapshots = snapshots ?? [],
    };

    public static AudioTokenRates Rates(decimal input = 10, decimal output = 20) => new()
    {
        Input = AudioTokenRate.FromTokensPerSecond(input),
        Output = AudioTokenRate.FromTokensPerSecond(output),
        Source = TestSource,
    };

    private static readonly System.Collections.Concurrent.ConcurrentBag<string> Written = [];

    static TestData() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (string path in Written)
        {
            File.Delete(path);
        }
    };

    /// <summary>Writes a trace to a new temporary file and returns its path (deleted when the test run ends).</summary>
    public static string Trace(params string[] lines)
    {
        string path = Path.Combine(Path.GetTempPath(), "planner-test-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        Written.Add(path);
        return path;
    }

    /// <summary>A new temporary file path, deleted when the test run ends.</summary>
    public static string TempPath(string name)
    {
        string path = Path.Combine(Path.GetTempPath(), $"planner-{name}-{Guid.NewGuid():N}.csv");
        Written.Add(path);
        return path;
    }
}
