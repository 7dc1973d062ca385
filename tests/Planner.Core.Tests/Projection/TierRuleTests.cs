using Planner.Core.Projection;
using Planner.Core.Units;

namespace Planner.Core.Tests.Projection;

public class TierRuleTests
{
    // gpt-audio-mini's ladder: free (unsupported), then Tiers 1-5 with monthly usage limits $100, $500, $1,000, $50,000, $200,000.
    private static IReadOnlyList<TierVerdict> Ladder(string lowestCarrying, decimal spend) =>
        TestData.Catalog.Resolve("gpt-audio-mini").Model.Tiers
            .Select((tier, i) => new TierVerdict(tier,
                CarriesPeak: tier.Supported && string.CompareOrdinal(tier.Name, lowestCarrying) >= 0 && tier.Name != "free",
                CoversSpend: spend <= tier.MonthlyUsageLimit.Value,
                PeakReason: "p99 queue delay 2 s > 1 s"))
            .ToList();

    [Fact]
    public void Choose_PeakAndSpendPointToDifferentTiers_RecommendsTheHigherAndSaysBoth()
    {
        var choice = TierRule.Choose(Ladder("2", 843m), Usd.FromDollars(843m));

        choice.Recommended!.Name.Should().Be("3");
        choice.PeakTier!.Name.Should().Be("2");
        choice.SpendTier!.Name.Should().Be("3");
        choice.Headline.Should().Be("Tier 2 carries the peak; the projected $843.00/month needs Tier 3's $1,000.00 monthly usage limit: Tier 3");
    }

    [Fact]
    public void Choose_PeakNeedsTheHigherTier_RecommendsIt()
    {
        var choice = TierRule.Choose(Ladder("4", 50m), Usd.FromDollars(50m));

        choice.Recommended!.Name.Should().Be("4");
        choice.Headline.Should().Be("Tier 4 carries the peak and the projected $50.00/month");
    }

    [Fact]
    public void Choose_SpendPastTheHighestLimit_SaysThatAndOnlyThat()
    {
        var choice = TierRule.Choose(Ladder("1", 213_000m), Usd.FromDollars(213_000m));

        choice.Recommended.Should().BeNull();
        choice.PeakTier!.Name.Should().Be("1");
        choice.Headline.Should().Be("no self-serve tier covers it: the projected $213,000.00/month exceeds the highest monthly usage limit (Tier 5's $200,000.00); ask OpenAI for higher limits");
    }

    [Fact]
    public void Choose_NoTierCarriesThePeak_SaysWhyAtTheHighest()
    {
        var choice = TierRule.Choose(Ladder("9", 10m), Usd.FromDollars(10m));

        choice.Recommended.Should().BeNull();
        choice.Headline.Should().Be("no self-serve tier covers it: no tier's rate limits carry the peak (Tier 5: p99 queue delay 2 s > 1 s); ask OpenAI for higher limits");
    }

    [Fact]
    public void Choose_UnknownSpend_DecidesOnThePeakAlone()
    {
        var choice = TierRule.Choose(Ladder("3", 1_000_000m), spend: null);

        choice.Recommended!.Name.Should().Be("3");
        choice.Headline.Should().Be("Tier 3 carries the peak");
    }
}
