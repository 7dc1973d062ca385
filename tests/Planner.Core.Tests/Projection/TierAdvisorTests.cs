using Planner.Core.Projection;
using Planner.Core.Units;

namespace Planner.Core.Tests.Projection;

public class TierAdvisorTests
{
    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(1.0, 4)] // P(Poisson(1) <= 3) = 0.981, <= 4: 0.9963.
    [InlineData(10.0, 18)] // P(Poisson(10) <= 17) = 0.9857, <= 18: 0.9928.
    [InlineData(800.0, 867)] // e^-800 underflows to 0 (this never returned): P(<= 866) = 0.98998, P(<= 867) = 0.9909.
    [InlineData(999.5, 1_074)] // P(<= 1,073) = 0.98977, P(<= 1,074) = 0.9906.
    public void PoissonQuantile_IsTheSmallestCountReachingTheQuantile(double mean, long expected)
    {
        TierAdvisor.PoissonQuantile(mean, 0.99).Should().Be(expected);
    }

    [Theory]
    [InlineData(100, 1_000, 99, "1")]
    [InlineData(100, 1_000, 101, "2")]
    [InlineData(600, 1_000, 50, "2")] // Tier 1 has 500 RPM.
    [InlineData(100, 40_000, 50, "2")] // Tier 1 has 30,000 TPM.
    [InlineData(100, 1_000, 6_000, "5")]
    public void Choose_TakesTheLowestTierThatCarriesPeakAndSpend(long rpm, long tpm, int spend, string tier)
    {
        var model = TestCatalog.Model("gpt-audio-mini").Model;

        TierAdvisor.Choose(model, rpm, tpm, Usd.FromDollars(spend))!.Name.Should().Be(tier);
    }

    [Fact]
    public void Choose_NothingBigEnough_IsNull()
    {
        var model = TestCatalog.Model("gpt-audio-mini").Model;

        TierAdvisor.Choose(model, 20_000, 1_000, Usd.Zero).Should().BeNull();
    }
}
