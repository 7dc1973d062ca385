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

    private static (Planner.Core.Catalog.ModelSpec, TierNeed) Need(string model, long peakRpm, long peakTpm, decimal spend) =>
        (TestData.Catalog.Resolve(model).Model, new TierNeed(model, peakRpm, peakTpm, Usd.FromDollars(spend), null));

    [Fact]
    public void ChooseForOrganization_TheUsageLimitCapsTheWholeSpend_NotEachModels()
    {
        // Each model alone: $400 fits Tier 2's $500 limit. Together $800 does not; Tier 3's $1,000 does.
        var tier = TierAdvisor.ChooseForOrganization([Need("gpt-audio-mini", 10, 1_000, 400m), Need("gpt-audio", 10, 1_000, 400m)], Usd.FromDollars(400m + 400m)).Recommended;

        tier!.Name.Should().Be("3");
    }

    [Fact]
    public void ChooseForOrganization_EveryModelsPeakMustFit()
    {
        // $50 of spend fits Tier 1, but 6,000 RPM on one model needs Tier 4 (10,000 RPM; Tiers 2 and 3 allow 5,000).
        var tier = TierAdvisor.ChooseForOrganization([Need("gpt-audio-mini", 6_000, 1_000, 25m), Need("gpt-audio", 10, 1_000, 25m)], Usd.FromDollars(50m)).Recommended;

        tier!.Name.Should().Be("4");
    }

    [Fact]
    public void ChooseForOrganization_SpendOverEveryLimit_IsNull() =>
        TierAdvisor.ChooseForOrganization([Need("gpt-audio-mini", 1, 1, 150_000m), Need("gpt-audio", 1, 1, 150_000m)], Usd.FromDollars(300_000m)).Recommended
            .Should().BeNull("Tier 5's $200,000 monthly usage limit is the highest");

    [Theory]
    [InlineData(100.0)]   // simulated minute by minute
    [InlineData(2_000.0)] // from the compound moments
    public void PeakMinuteCharge_SkewedCharges_IsTheQuantileOfTheMinutesTotal(double perMinute)
    {
        // Half the requests reserve 16,384 max_tokens (charge 100 + 16,384), half charge 100.
        var charges = new TpmCharges([100, 100 + 16_384]);
        long peak = TierAdvisor.PeakMinuteCharge([(perMinute, charges)], 0.99);

        // An independent check: 200,000 seeded minutes of the compound Poisson sum.
        var random = new MathNet.Numerics.Random.Xoshiro256StarStar(42);
        var totals = new double[200_000];
        for (int i = 0; i < totals.Length; i++)
        {
            int n = MathNet.Numerics.Distributions.Poisson.Sample(random, perMinute);
            int large = MathNet.Numerics.Distributions.Binomial.Sample(random, 0.5, n);
            totals[i] = (n * 100.0) + (large * 16_384.0);
        }

        Array.Sort(totals);
        double reference = totals[(int)(0.99 * totals.Length)];
        ((double)peak).Should().BeApproximately(reference, reference * 0.015);

        // The peak count times the mean charge (the old figure) is well below it.
        double old = TierAdvisor.PoissonQuantile(perMinute, 0.99) * (100 + (16_384 / 2.0));
        ((double)peak).Should().BeGreaterThan(old * 1.01);
    }

    [Fact]
    public void PeakMinuteCharge_IdenticalCharges_IsThePeakCountTimesTheCharge() =>
        TierAdvisor.PeakMinuteCharge([(800.0 / 1_440 * 24 / 24, TpmCharges.Constant(2_400))], 0.99)
            .Should().Be(TierAdvisor.PoissonQuantile(800.0 / 1_440, 0.99) * 2_400);
}
