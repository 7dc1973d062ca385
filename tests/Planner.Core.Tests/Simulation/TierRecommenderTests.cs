using Planner.Core.Simulation;
using Planner.Core.Traces;

namespace Planner.Core.Tests.Simulation;

public class TierRecommenderTests
{
    /// <summary>How the tests' traces are fed to the tiers: one reader (the default), or in chunks on every core
    /// (<see cref="TierRecommenderChunkedFeedTests"/> runs every test here that way).</summary>
    protected virtual TraceChunking Feed => TraceChunking.Sequential;

    private TierRecommendation Recommend(string path, OnLimit onLimit = OnLimit.Queue)
    {
        using var source = CsvTraceSource.Open(path, TestData.Catalog, new TraceOptions { Chunking = Feed }, new TraceRejections());
        return TierRecommender.Recommend(source, TestData.Catalog, new SimulationOptions { Tier = "1", OnLimit = onLimit }, new RecommendObjectives());
    }

    private static string Burst(int count)
    {
        var lines = new List<string> { "timestamp,model,input_text_tokens,output_text_tokens" };
        for (int i = 0; i < count; i++)
        {
            lines.Add("2026-01-15T09:00:00Z,gpt-audio-mini,5,5");
        }

        lines.Add("2026-01-16T09:00:00Z,gpt-audio-mini,5,5");
        return TestData.Trace([.. lines]);
    }

    [Fact]
    public void Queue_TooManyForTier1_RecommendsTier2()
    {
        // 1,000 at once: tier 1 (500 RPM) makes the 990th wait 58.8 s > 1 s; tier 2 (5,000 RPM) takes all at once.
        var recommendation = Recommend(Burst(1_000));

        recommendation.Recommended!.Name.Should().Be("2");
        recommendation.Tiers.Select(t => (t.Result.Tier, t.MeetsObjectives)).Should().Equal(
            ("free", false), ("1", false), ("2", true), ("3", true), ("4", true), ("5", true));
    }

    [Fact]
    public void Retry_DroppedOrOverOnePercentThrottled_FailsATier()
    {
        var recommendation = Recommend(Burst(1_000), OnLimit.Retry);

        recommendation.Tiers.Single(t => t.Result.Tier == "1").MeetsObjectives.Should().BeFalse();
        recommendation.Recommended!.Name.Should().Be("2");
    }

    [Fact]
    public void MonthlySpend_IsComparedWithTheTiersUsageLimit()
    {
        // 1,001 requests of 5 x $0.60 + 5 x $2.40 per 1M over exactly one day: x 30 for a month, far under $500.
        var recommendation = Recommend(Burst(1_000));

        recommendation.MonthlyProjection!.Value.Value.Should().Be(1_001 * ((5 * 0.60m) + (5 * 2.40m)) / 1_000_000 * 30);
        recommendation.FitsMonthlyLimit.Should().BeTrue();
        recommendation.MonthlyLimitTier!.Name.Should().Be("1");
    }

    [Fact]
    public void MonthlySpendOverTheTierThatCarriesThePeak_RecommendsTheTierWhoseLimitCoversIt()
    {
        // Two requests of 10 audio output tokens ($20 per 1M: $0.0002 each) one second apart: tier 1 admits both at
        // once. $0.0004 over 1 s is $0.0004 x 30 x 86,400 = $1,036.80 a month: over tier 1's $100, tier 2's $500
        // and tier 3's $1,000 limits, under tier 4's $5,000.
        string path = TestData.Trace("timestamp,model,output_audio_tokens",
            "2026-01-15T09:00:00Z,gpt-audio-mini,10",
            "2026-01-15T09:00:01Z,gpt-audio-mini,10");

        var recommendation = Recommend(path);

        // One rule with project: the recommended tier carries the peak AND the month's spend.
        recommendation.Recommended!.Name.Should().Be("4");
        recommendation.Choice.PeakTier!.Name.Should().Be("1");
        recommendation.MonthlyProjection!.Value.Value.Should().Be(2 * (10 * 20m / 1_000_000) * 30 * 86_400);
        recommendation.FitsMonthlyLimit.Should().BeTrue();
        recommendation.MonthlyLimitTier!.Name.Should().Be("4");
        recommendation.Choice.Headline.Should().Be("Tier 1 carries the peak; the projected $1,036.80/month needs Tier 4's $5,000.00 monthly usage limit: Tier 4");
    }

    [Fact]
    public void TiersListedOutOfOrder_TheLowestThatMeetsTheObjectivesIsStillChosen()
    {
        // The same 1,000-at-once burst as above, with every model's tiers listed highest first in the catalog.
        var json = TestCatalogs.Json();
        foreach (var model in json["models"]!.AsArray())
        {
            var entries = model!["tiers"]![0]!["entries"]!.AsArray();
            var reversed = entries.Select(e => e!.DeepClone()).Reverse().ToList();
            entries.Clear();
            reversed.ForEach(entries.Add);
        }

        var catalog = TestCatalogs.Load(json);
        using var reader = TraceReader.Open(Burst(1_000), catalog, new TraceOptions(), new TraceRejections());
        var recommendation = TierRecommender.Recommend(reader, catalog, new SimulationOptions { Tier = "1" }, new RecommendObjectives());

        recommendation.Recommended!.Name.Should().Be("2");
        recommendation.Tiers.Select(t => t.Result.Tier).Should().Equal("free", "1", "2", "3", "4", "5");
        recommendation.MonthlyLimitTier!.Name.Should().Be("1");
    }
}
