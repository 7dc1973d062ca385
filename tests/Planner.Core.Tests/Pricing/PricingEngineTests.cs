using Planner.Core.Catalog;
using Planner.Core.Pricing;

namespace Planner.Core.Tests.Pricing;

public class PricingEngineTests
{
    private static readonly ModelCatalog History = new(
        [
            TestData.Model("m", [
                TestData.Prices("2025-01-01", textIn: 1m, audioIn: 10m, textOut: 2m, audioOut: 20m),
                TestData.Prices("2025-06-01", textIn: 0.5m, audioIn: 5m, textOut: 1m, audioOut: 10m),
            ], shutdown: new DateOnly(2026, 1, 1), snapshots: [
                new Snapshot { Id = "m-2025-03-01", Prices = [TestData.Prices("2025-03-01", textIn: 3m, audioIn: 30m, textOut: 6m, audioOut: 60m)] },
                new Snapshot { Id = "m-2025-04-01" },
            ]),
        ],
        TestData.Rates());

    private static readonly PricingEngine Engine = new(History);

    [Theory]
    [InlineData("2025-01-01T00:00:00Z", 1.0)]
    [InlineData("2025-05-31T23:59:59Z", 1.0)]
    [InlineData("2025-06-01T00:00:00Z", 0.5)]
    [InlineData("2025-12-31T23:59:59Z", 0.5)]
    [InlineData("2025-06-01T01:00:00+02:00", 1.0)] // 2025-05-31T23:00Z: the old price still applies
    public void Price_UsesThePricesInEffectAtTheTimestamp(string at, double usdPerMillion)
    {
        var quote = Engine.Price("m", Usage.Of(textInput: 100_000), DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture));

        quote.Cost.Total.Value.Should().Be(100_000 * (decimal)usdPerMillion / 1_000_000);
    }

    [Fact]
    public void Price_BeforeTheFirstPrice_IsAnErrorNamingTheDates()
    {
        var act = () => Engine.Price("m", Usage.Of(textInput: 1), new DateTimeOffset(2024, 12, 31, 0, 0, 0, TimeSpan.Zero));

        act.Should().Throw<PlannerException>()
            .Where(e => e.Kind == PlannerErrorKind.BeforeFirstPrice)
            .WithMessage("m has no price before 2025-01-01; the request is dated 2024-12-31T00:00:00Z");
    }

    [Fact]
    public void Price_AfterShutdown_IsAnError()
    {
        var act = () => Engine.Price("m", Usage.Of(textInput: 1), new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

        act.Should().Throw<PlannerException>()
            .Where(e => e.Kind == PlannerErrorKind.AfterShutdown)
            .WithMessage("m was shut down on 2026-01-01; the request is dated 2026-01-01T00:00:00Z");
    }

    [Fact]
    public void Price_SnapshotWithItsOwnPrices_UsesThem()
    {
        var quote = Engine.Price("m-2025-03-01", Usage.Of(textInput: 100_000), new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero));

        quote.Cost.Total.Value.Should().Be(100_000 * 3m / 1_000_000);
        quote.Model.BillingId.Should().Be("m-2025-03-01");
    }

    [Fact]
    public void Price_SnapshotWithoutPrices_UsesItsModels()
    {
        var quote = Engine.Price("M-2025-04-01", Usage.Of(textInput: 100_000), new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero));

        quote.Cost.Total.Value.Should().Be(100_000 * 0.5m / 1_000_000);
        quote.Model.Model.Id.Should().Be("m");
    }

    [Fact]
    public void Price_UnknownModel_NamesTheKnownOnes()
    {
        var act = () => Engine.Price("x", Usage.Zero, TestData.PricedDay);

        act.Should().Throw<PlannerException>().Where(e => e.Kind == PlannerErrorKind.UnknownModel)
            .WithMessage("unknown model 'x'; known models: m");
    }

    [Fact]
    public void Price_BundledGptAudioMini_TwoMinutesInOneOut()
    {
        var engine = new PricingEngine(TestData.Catalog);
        var rates = TestData.Catalog.AudioTokenRates;
        var usage = new RequestShape
        {
            AudioInput = AudioAmount.FromDuration(Planner.Core.Units.AudioDuration.FromSeconds(120)),
            AudioOutput = AudioAmount.FromDuration(Planner.Core.Units.AudioDuration.FromSeconds(60)),
        }.ToUsage(rates);

        var quote = engine.Price("gpt-audio-mini", usage, TestData.PricedDay);

        // 120 s x 10/s x $10 / 1M + 60 s x 20/s x $20 / 1M = $0.012 + $0.024.
        quote.Cost.Total.Value.Should().Be(120 * 10 * 10.00m / 1_000_000 + 60 * 20 * 20.00m / 1_000_000);
        quote.Cost.Total.Value.Should().Be(0.036m);
    }

    [Fact]
    public void Price_CachedAudioOnRealtimeMini_BillsTheCachedRateThroughTheEngine()
    {
        var engine = new PricingEngine(MeterTestCatalog.Catalog);

        var quote = engine.Price("gpt-realtime-2.1-mini", Usage.Of(audioInput: 1_000, cachedAudioInput: 9_000), MeterTestCatalog.PricedDay);

        quote.Cost.Total.Value.Should().Be((1_000 * 10m + 9_000 * 0.30m) / 1_000_000);
    }

    [Fact]
    public void Price_ImageOnAModelWithoutImagePrices_IsAnErrorNamingTheModel()
    {
        var engine = new PricingEngine(MeterTestCatalog.Catalog);

        var act = () => engine.Price("gpt-4o-mini-realtime-preview", Usage.Of(textInput: 100, imageInput: 1_000), MeterTestCatalog.PricedDay);

        act.Should().Throw<PlannerException>().Where(e => e.Kind == PlannerErrorKind.UnpricedMeter)
            .WithMessage("gpt-4o-mini-realtime-preview has no price for image input; the request uses 1,000 image input tokens");
    }
}
