using Planner.Core.Pricing;
using Planner.Core.Projection;
using Planner.Core.Units;

namespace Planner.Core.Tests.Projection;

public class ProjectorTests
{
    // 120 s of input audio at 10 tokens/s and 60 s of output audio at 20 tokens/s.
    private static readonly Usage WorkedExample = Usage.Of(audioInput: 120 * 10, audioOutput: 60 * 20);

    private static ProjectionResult Project(Workload workload, ProjectionOptions options, params string[] compare)
    {
        IReadOnlyList<ProjectionTarget> targets = compare.Length == 0
            ? [ProjectionTarget.AsGiven]
            : compare.Select(m => ProjectionTarget.On(TestCatalog.Model(m))).ToList();
        return Projector.Project(workload, targets, options, TestCatalog.PricesAt);
    }

    [Fact]
    public void Project_NoSpread_IsExactAndGrowsByTheFactor()
    {
        var workload = Workload.FromShape(TestCatalog.Model("gpt-audio-mini"), WorkedExample, 1_000m);

        var result = Project(workload, new ProjectionOptions { Months = 3, GrowthPercent = 10m });

        result.IsExact.Should().BeTrue();
        var months = result.Targets[0].Months;
        // $0.012 + $0.024 = $0.036 a request; 1,000 a day for 30 days.
        decimal perRequest = (1_200 * 10m / 1_000_000) + (1_200 * 20m / 1_000_000);
        perRequest.Should().Be(0.036m);
        months[0].Mean.Value.Should().Be(1_000 * 30 * perRequest).And.Be(1_080m);
        months[1].Mean.Value.Should().Be(1_000 * 1.1m * 30 * perRequest).And.Be(1_188m);
        months[2].Mean.Value.Should().Be(1_000 * 1.1m * 1.1m * 30 * perRequest).And.Be(1_306.80m);
        foreach (var month in months)
        {
            new[] { month.P10, month.P50, month.P90, month.P99 }.Should().AllSatisfy(p => p.Should().Be(month.Mean));
            month.StandardError.Should().Be(Usd.Zero);
            month.IsExact.Should().BeTrue();
        }
    }

    [Fact]
    public void Project_NoSpread_BudgetIsExceededWithCertaintyOrNever()
    {
        var workload = Workload.FromShape(TestCatalog.Model("gpt-audio-mini"), WorkedExample, 1_000m);

        var result = Project(workload, new ProjectionOptions { Months = 2, GrowthPercent = 10m, Budget = Usd.FromDollars(1_100m) });

        result.Targets[0].Months.Select(m => m.ExceedsBudgetProbability).Should().Equal(0.0, 1.0);
    }

    [Fact]
    public void Project_WorkedExample_NeedsTier4ForItsSpend()
    {
        var workload = Workload.FromShape(TestCatalog.Model("gpt-audio-mini"), WorkedExample, 1_000m);

        var need = Project(workload, new ProjectionOptions { Months = 1 }).Targets[0].Months[0].Tiers.Single();

        // 1,000 a day evenly is 1,000 / 1,440 a minute; P(Poisson(0.694) <= 3) = 0.9945 >= 0.99 > P(<= 2) = 0.966.
        need.PeakRpm.Should().Be(3);
        need.PeakTpm.Should().Be(3 * (1_200 + 1_200));
        // $1,080 is over Tier 3's $1,000 monthly usage limit and under Tier 4's $5,000.
        need.Spend.Should().Be(Usd.FromDollars(1_080m));
        need.Tier!.Name.Should().Be("launch", "Launch carries old Tier 4's limits and $5,000 a month; projections use the latest scheme");
    }

    [Fact]
    public void Project_CompareModels_SavingIsExactWithoutSpread()
    {
        var workload = Workload.FromShape(TestCatalog.Model("gpt-audio"), WorkedExample, 1_000m);

        var result = Project(workload, new ProjectionOptions { Months = 1 }, "gpt-audio", "gpt-audio-mini");

        // gpt-audio: 1,200 x $32 / 1M + 1,200 x $64 / 1M = $0.1152 a request; gpt-audio-mini: $0.036.
        decimal full = 30_000 * ((1_200 * 32m / 1_000_000) + (1_200 * 64m / 1_000_000));
        decimal mini = 30_000 * 0.036m;
        result.Targets[0].Months[0].Mean.Value.Should().Be(full);
        result.Targets[1].Months[0].Mean.Value.Should().Be(mini);
        result.Targets[1].SavingVersusFirst.Single().Mean.Value.Should().Be(full - mini);
    }

    [Fact]
    public void Project_DailySpread_MeanNearExactAndPercentilesOrdered()
    {
        var workload = Workload.FromShape(TestCatalog.Model("gpt-audio-mini"), WorkedExample, 1_000m, sdPerDay: 100m);

        var month = Project(workload, new ProjectionOptions { Months = 1, Runs = 4_000 }).Targets[0].Months[0];

        month.IsExact.Should().BeFalse();
        // Monthly count: mean 30,000, SD sqrt(30) x 100 (30 independent days); cost = count x $0.036.
        double sd = Math.Sqrt(30) * 100 * 0.036;
        ((double)month.Mean.Value).Should().BeApproximately(1_080, 4 * sd / Math.Sqrt(4_000));
        // The standard error is rounded to the cent (0.005) and the sample SD behind it has a relative error of
        // 1 / sqrt(2 x 4,000) = 1.1%: 4 of those are 0.014.
        ((double)month.StandardError.Value).Should().BeApproximately(sd / Math.Sqrt(4_000), 0.02);
        month.P10.Should().BeLessThanOrEqualTo(month.P50);
        month.P50.Should().BeLessThanOrEqualTo(month.P90);
        month.P90.Should().BeLessThanOrEqualTo(month.P99);
    }

    [Fact]
    public void Project_DailySpreadLargerThanTheMean_KeepsTheMeanAndTheVariance()
    {
        // 10 a day with a daily SD of 100: a month has mean 300 and variance 30 x 100^2 = 300,000 requests^2.
        // At $0.036 a request: mean $10.80, SD sqrt(300,000) x 0.036 = $19.72. A normal clipped at 0 would give a
        // mean of 300 Phi(0.548) + 547.7 phi(0.548) = 400.5 requests, $14.42: far outside these bounds.
        const int runs = 4_000;
        var workload = Workload.FromShape(TestCatalog.Model("gpt-audio-mini"), WorkedExample, 10m, sdPerDay: 100m);

        var month = Project(workload, new ProjectionOptions { Months = 1, Runs = runs }).Targets[0].Months[0];

        double sd = Math.Sqrt(300_000) * 0.036;
        ((double)month.Mean.Value).Should().BeApproximately(10.80, 4 * sd / Math.Sqrt(runs));
        ((double)month.StandardError.Value * Math.Sqrt(runs)).Should().BeApproximately(sd, 0.15 * sd);
        month.P10.Should().BeGreaterThanOrEqualTo(Usd.Zero);
    }

    [Fact]
    public void Project_NoTrafficWithASpread_CostsNothing()
    {
        // A count that cannot be negative and has mean 0 is always 0.
        var workload = Workload.FromShape(TestCatalog.Model("gpt-audio-mini"), WorkedExample, 0m, sdPerDay: 5m);

        var months = Project(workload, new ProjectionOptions { Months = 2, Runs = 100, Budget = Usd.Zero }).Targets[0].Months;

        months.Should().AllSatisfy(m =>
        {
            m.Mean.Should().Be(Usd.Zero);
            m.P99.Should().Be(Usd.Zero);
            m.ExceedsBudgetProbability.Should().Be(0);
        });
    }

    [Theory]
    [InlineData(300, 0.0)]
    [InlineData(100, 20.0)]
    [InlineData(1e6, 1.0)]
    public void SpreadMonth_HasThirtyDaysOfMeanAndVariance(double mean, double sdPerDay)
    {
        // (100, 20): a month of mean 100 and SD sqrt(30) x 20 = 109.5; a normal clipped at 0 would have a mean of
        // 100 Phi(0.913) + 109.5 phi(0.913) = 110.4, 13 standard errors of these 20,000 draws away.
        // (1e6, 1): nearly constant. (300, 0): exactly the mean.
        var random = new MathNet.Numerics.Random.Xoshiro256StarStar(3);
        var draws = new double[20_000];
        for (int i = 0; i < draws.Length; i++)
        {
            draws[i] = Projector.SpreadMonth(mean, sdPerDay, random);
        }

        double sd = Math.Sqrt(30) * sdPerDay;
        draws.Min().Should().BeGreaterThanOrEqualTo(0);
        draws.Average().Should().BeApproximately(mean, (4 * sd / Math.Sqrt(draws.Length)) + 1e-9);
        double sampleSd = Math.Sqrt(draws.Select(d => (d - draws.Average()) * (d - draws.Average())).Sum() / (draws.Length - 1));
        sampleSd.Should().BeApproximately(sd, (0.1 * sd) + 1e-9);
    }

    [Fact]
    public void Project_SplitMonth_DayToDayVarianceScalesWithTheDaysRun()
    {
        // A stream that runs half of month 1 (a shutdown on day 16): 15 days of 1,000 +- 300 requests, so the month's
        // count has mean 15,000 and SD sqrt(15) x 300 = 1,161.9 (not 0.5 x sqrt(30) x 300 = 821.6, which scaling the
        // daily SD by the share would give). Each request costs exactly $0.036.
        decimal perRequest = (1_200 * 10m / 1_000_000) + (1_200 * 20m / 1_000_000);
        var full = Workload.FromShape(TestCatalog.Model("gpt-audio-mini"), WorkedExample, 1_000m, sdPerDay: 300m);
        var half = full with { Streams = [full.Streams[0] with { MonthShares = [0.5m] }] };

        var month = Project(half, new ProjectionOptions { Months = 1, Runs = 40_000 }).Targets[0].Months[0];

        double sd = Math.Sqrt(15) * 300 * (double)perRequest;
        double measured = (double)month.StandardError.Value * Math.Sqrt(40_000);
        ((double)month.Mean.Value).Should().BeApproximately(15_000 * (double)perRequest, 4 * sd / Math.Sqrt(40_000));
        measured.Should().BeApproximately(sd, 0.05 * sd);
    }

    [Theory]
    [InlineData(15.0)]
    [InlineData(7.5)]
    public void SpreadMonth_OfAPartialMonth_HasThatManyDaysOfVariance(double days)
    {
        var random = new MathNet.Numerics.Random.Xoshiro256StarStar(5);
        var draws = new double[20_000];
        for (int i = 0; i < draws.Length; i++)
        {
            draws[i] = Projector.SpreadMonth(500, 20, random, days);
        }

        double sd = Math.Sqrt(days) * 20;
        draws.Average().Should().BeApproximately(500, 4 * sd / Math.Sqrt(draws.Length));
        double mean = draws.Average();
        Math.Sqrt(draws.Sum(d => (d - mean) * (d - mean)) / (draws.Length - 1)).Should().BeApproximately(sd, 0.05 * sd);
    }

    [Fact]
    public void Project_SameSeed_SameResult_OtherSeed_Differs()
    {
        var workload = Workload.FromShape(TestCatalog.Model("gpt-audio-mini"), WorkedExample, 1_000m, sdPerDay: 100m);
        var options = new ProjectionOptions { Months = 2, Runs = 500, Seed = 7 };

        var a = Project(workload, options).Targets[0].Months;
        var b = Project(workload, options).Targets[0].Months;
        var c = Project(workload, options with { Seed = 8 }).Targets[0].Months;

        a.Select(m => (m.Mean, m.P10, m.P90)).Should().Equal(b.Select(m => (m.Mean, m.P10, m.P90)));
        a.Select(m => m.Mean).Should().NotEqual(c.Select(m => m.Mean));
    }

    [Fact]
    public void Project_NoRequests_IsRefused()
    {
        var act = () => Projector.Project(new Workload([], []), [ProjectionTarget.AsGiven], new ProjectionOptions(), TestCatalog.PricesAt);

        act.Should().Throw<PlannerException>().WithMessage("the workload has no requests to project");
    }

    [Theory]
    [InlineData(-1, 0, "requests_per_day must be >= 0, got -1")]
    [InlineData(10, -2, "requests_per_day_sd must be >= 0, got -2")]
    public void FromShape_NegativeRates_AreRefused(int perDay, int sd, string message)
    {
        var act = () => Workload.FromShape(TestCatalog.Model("gpt-audio-mini"), WorkedExample, perDay, sd);

        act.Should().Throw<PlannerException>().WithMessage(message);
    }

    [Fact]
    public void Cholesky_RebuildsTheCovariance_AndSkipsConstantMeters()
    {
        var covariance = new double[,] { { 4, 2, 0 }, { 2, 5, 0 }, { 0, 0, 0 } };

        var l = Projector.Cholesky(covariance);

        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                double sum = 0;
                for (int k = 0; k < 3; k++)
                {
                    sum += l[i, k] * l[j, k];
                }

                sum.Should().BeApproximately(covariance[i, j], 1e-12);
            }
        }
    }
}
