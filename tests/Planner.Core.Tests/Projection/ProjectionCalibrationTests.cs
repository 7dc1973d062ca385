using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using Planner.Core.Pricing;
using Planner.Core.Projection;
using Xunit.Abstractions;

namespace Planner.Core.Tests.Projection;

/// <summary>A backtest of the projection's intervals: "true" months come from a known generating process (each
/// day's rate drawn from a gamma around a base rate, Poisson within the day, two request shapes), a short trace
/// is sampled from the same process, the learner and projector run on it, and the share of true months inside
/// P10-P90 must be about 80% (and above P99 about 1%).</summary>
public class ProjectionCalibrationTests(ITestOutputHelper output)
{
    private const double BasePerDay = 100;
    private const int Replications = 300;
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly Usage ShapeA = Usage.Of(audioInput: 1_000);
    private static readonly Usage ShapeB = Usage.Of(audioInput: 200, textOutput: 500);

    [Theory]
    [InlineData(1, 0.0, 11)]     // one day: the spread is drawn per replication from the prior (nothing to learn it from)
    [InlineData(7, 0.3, 12)]     // a week of over-dispersed days (CV 30%)
    [InlineData(28, 0.3, 13)]    // four weeks of over-dispersed days
    [InlineData(28, 0.05, 14)]   // four weeks of nearly Poisson days
    [InlineData(7, 0.6, 15)]     // a week of strongly over-dispersed days (CV 60%)
    public void Project_TraceFromTheProcess_P10ToP90CoversAbout80PercentOfTrueMonths(int days, double spread, int seed)
    {
        var (inside, aboveP99) = Backtest(days, spread, seed);

        output.WriteLine($"{days} day(s), spread {spread}: P10-P90 {inside:P1}, above P99 {aboveP99:P1}");
        // 300 replications: the coverage's standard error is 2.3 points, and the 7-day cases measure 73-78% (docs/projection-method.md).
        inside.Should().BeInRange(0.72, 0.86, "P10-P90 is an 80% interval");
        // Measured 0-3.4% (the 1-day case highest: the rate multiplier's shape is floored at 2, docs/projection-method.md).
        aboveP99.Should().BeLessThan(0.04, "P99 is exceeded 1% of the time");
    }

    [Fact]
    public void Project_WithoutTheLearningUncertainty_WouldBeOverConfident()
    {
        // The same backtest with the learned evidence stripped (the old model: Poisson at the trace's rate) covers far less.
        var (inside, _) = Backtest(7, 0.3, 12, stripEvidence: true);

        inside.Should().BeLessThan(0.6);
    }

    private static (double Inside, double AboveP99) Backtest(int days, double fixedSpread, int seed, bool stripEvidence = false)
    {
        var model = TestCatalog.Model("gpt-audio-mini");
        var sheet = new PriceSheet(PricingEngine.PricesAt(model, TestCatalog.PricesAt));
        double costA = (double)sheet.Price(ShapeA).Total.Value;
        double costB = (double)sheet.Price(ShapeB).Total.Value;
        var random = new Xoshiro256StarStar(seed);
        int inside = 0;
        int aboveP99 = 0;
        int projected = 0;
        for (int rep = 0; rep < Replications; rep++)
        {
            // The prior's support is 0.5% to 150% (the posterior grid): a spread drawn from it is kept within.
            double spread = fixedSpread > 0
                ? fixedSpread
                : Math.Clamp(Math.Exp(Math.Log(ProjectionDefaults.DailySpreadMedian) + (ProjectionDefaults.DailySpreadLogSd * Normal.Sample(random, 0, 1))), 0.005, 1.5);
            double shape = 1 / (spread * spread);
            var learner = new WorkloadLearner(seed: rep);
            for (int day = 0; day < days; day++)
            {
                double rate = BasePerDay * Gamma.Sample(random, shape, shape);
                int n = Poisson.Sample(random, rate);
                for (int i = 0; i < n; i++)
                {
                    var at = Start.AddDays(day).AddSeconds(random.NextDouble() * 86_400);
                    learner.Observe(at, model, random.NextDouble() < 0.5 ? ShapeA : ShapeB);
                }
            }

            double monthRate = 0;
            for (int day = 0; day < ProjectionDefaults.DaysPerMonth; day++)
            {
                monthRate += BasePerDay * Gamma.Sample(random, shape, shape);
            }

            int requests = Poisson.Sample(random, monthRate);
            int a = Binomial.Sample(random, 0.5, requests);
            double trueCost = (a * costA) + ((requests - a) * costB);

            if (learner.Count < 2)
            {
                // Too few requests to learn anything from (a day drawn far below the rate): no projection to judge.
                continue;
            }

            projected++;
            var workload = learner.Learn();
            if (stripEvidence)
            {
                workload = workload with { Streams = [.. workload.Streams.Select(s => s with { Evidence = null })] };
            }

            var month = Projector.Project(workload, [ProjectionTarget.AsGiven], new ProjectionOptions { Months = 1, Runs = 600, Seed = rep + 1 }, TestCatalog.PricesAt)
                .Targets[0].Months[0];
            if ((double)month.P10.Value <= trueCost && trueCost <= (double)month.P90.Value)
            {
                inside++;
            }

            if (trueCost > (double)month.P99.Value)
            {
                aboveP99++;
            }
        }

        projected.Should().BeGreaterThan(Replications * 9 / 10);
        return (inside / (double)projected, aboveP99 / (double)projected);
    }
}
