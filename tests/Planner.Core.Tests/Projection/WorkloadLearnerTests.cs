using Planner.Core.Pricing;
using Planner.Core.Projection;
using Planner.Core.Traces;
using Planner.Core.Units;

namespace Planner.Core.Tests.Projection;

public class WorkloadLearnerTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    /// <summary>One request every <paramref name="gapSeconds"/> for <paramref name="count"/> requests, alternating between the usages.</summary>
    private static IEnumerable<TraceRequest> Regular(int count, int gapSeconds, params Usage[] usages)
    {
        var model = TestCatalog.Model("gpt-audio-mini");
        var sheet = new PriceSheet(model.Prices[^1]);
        for (int i = 0; i < count; i++)
        {
            var usage = usages[i % usages.Length];
            yield return new TraceRequest(i + 2, Start.AddSeconds((long)i * gapSeconds), model, usage, null, sheet.Price(usage));
        }
    }

    private static Workload Learn(IEnumerable<TraceRequest> trace, UsageFit fit = UsageFit.Resample)
    {
        var learner = new WorkloadLearner();
        foreach (var request in trace)
        {
            learner.Observe(request);
        }

        return learner.Learn(fit);
    }

    /// <summary>The learned workload as if its rate and tokens were known exactly (no learning uncertainty): these
    /// tests check the sampler against the Poisson process's own moments.</summary>
    private static Workload KnownRate(Workload workload) =>
        workload with { Streams = [.. workload.Streams.Select(s => s with { Evidence = null })] };

    [Fact]
    public void Learn_TwoDays_WarnsTheTraceIsTooShortAndCarriesItsEvidence()
    {
        var workload = Learn(Regular(2 * 1_440, 60, Usage.Of(audioInput: 100)));

        workload.Warnings.Should().ContainSingle().Which.Key.Should().Be("trace_too_short");
        var evidence = workload.Streams.Single().Evidence!;
        evidence.Windows.Should().Be(2);
        evidence.Requests.Should().Be(2 * 1_440);
        evidence.ObservedSpread.Should().Be(0, "both days have exactly 1,440 requests, less spread than Poisson");
        evidence.SpreadRestsOnPrior.Should().BeTrue();
    }

    [Fact]
    public void Learn_FourWeeks_DoesNotWarn()
    {
        var workload = Learn(Regular(28 * 144, 600, Usage.Of(audioInput: 100)));

        workload.Warnings.Should().BeEmpty();
        workload.Streams.Single().Evidence!.Windows.Should().Be(28);
    }

    [Fact]
    public void Learn_TraceEndingOnTheLastRepresentableDay_GivesItsDailyRateInsteadOfOverflowing()
    {
        // One a minute through 9999-12-31 23:59: the learner's end (last + one gap) is 10000-01-01, past DateTimeOffset.MaxValue.
        var model = TestCatalog.Model("gpt-audio-1.5");
        var sheet = new PriceSheet(model.Prices[^1]);
        var usage = Usage.Of(audioInput: 100);
        var first = new DateTimeOffset(9999, 12, 30, 0, 0, 0, TimeSpan.Zero);
        var trace = Enumerable.Range(0, 2 * 1_440).Select(i => new TraceRequest(i + 2, first.AddMinutes(i), model, usage, null, sheet.Price(usage)));

        var workload = Learn(trace);

        ((double)workload.Streams.Single().Arrivals.MeanPerDay).Should().BeApproximately(1_440, 1e-6);
    }

    [Fact]
    public void Learn_RegularArrivals_GivesTheirDailyRate()
    {
        // One a minute for two days: 2,880 requests, 1,440 a day.
        var workload = Learn(Regular(2 * 1_440, 60, Usage.Of(audioInput: 100)));

        var stream = workload.Streams.Single();
        stream.Arrivals.Kind.Should().Be(ArrivalKind.Poisson);
        ((double)stream.Arrivals.MeanPerDay).Should().BeApproximately(1_440, 1e-6);
        stream.Arrivals.BusiestHourShare.Should().BeApproximately(1.0 / 24, 1e-9);
        stream.Model.Model.Id.Should().Be("gpt-audio-mini");
    }

    [Fact]
    public void Learn_TrafficOnlyInOneHourOfEachDay_MakesThatHourTheBusiest()
    {
        // Three days, 60 requests in 09:00-10:00 each day, none otherwise.
        var model = TestCatalog.Model("gpt-audio-mini");
        var learner = new WorkloadLearner();
        for (int day = 0; day < 3; day++)
        {
            for (int i = 0; i < 60; i++)
            {
                learner.Observe(Start.AddDays(day).AddHours(9).AddMinutes(i), model, Usage.Of(textInput: 10));
            }
        }

        var arrivals = learner.Learn().Streams.Single().Arrivals;

        // The span covers the 09:00 hour three times (the last up to the extra average gap): about 60 an hour there, 0 elsewhere.
        ((double)arrivals.MeanPerDay).Should().BeApproximately(60, 1);
        arrivals.BusiestHourShare.Should().BeApproximately(1.0, 1e-9);
    }

    [Fact]
    public void Learn_TwoWeeksOfWeekdayTraffic_LearnsByDayOfWeek()
    {
        // 2026-01-05 is a Monday. Two weeks, Monday to Friday, 09:00-17:00, one request every 6 minutes (10 an hour).
        var model = TestCatalog.Model("gpt-audio-mini");
        var learner = new WorkloadLearner();
        for (int day = 0; day < 12; day++)
        {
            var date = Start.AddDays(day);
            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            for (int i = 0; i < 80; i++)
            {
                learner.Observe(date.AddHours(9).AddMinutes(6 * i), model, Usage.Of(textInput: 10));
            }
        }

        var workload = learner.Learn();
        var arrivals = workload.Streams.Single().Arrivals;

        // 40 busy hours a week at 10 an hour = 400 a week = 400 / 7 a day; the busiest hour holds 10 of them.
        ((double)arrivals.MeanPerDay).Should().BeApproximately(400.0 / 7, 0.5);
        arrivals.BusiestHourShare.Should().BeApproximately(10 / (400.0 / 7), 0.01);
        workload.Notes[0].Should().Contain("day of week and hour of day");
    }

    [Fact]
    public void Learn_PoissonMonteCarloMean_IsWithinStandardErrorsOfTheAnalyticMean()
    {
        // Two request shapes alternating: mean cost is their average.
        var small = Usage.Of(audioInput: 100, audioOutput: 100);
        var large = Usage.Of(audioInput: 1_000, audioOutput: 500);
        var workload = KnownRate(Learn(Regular(2 * 1_440, 60, small, large)));
        const int runs = 4_000;

        var month = Projector.Project(workload, [ProjectionTarget.AsGiven], new ProjectionOptions { Months = 1, Runs = runs }, TestCatalog.PricesAt).Targets[0].Months[0];

        // gpt-audio-mini: $10 / 1M audio in, $20 / 1M audio out.
        double costSmall = (100 * 10.0 / 1e6) + (100 * 20.0 / 1e6);
        double costLarge = (1_000 * 10.0 / 1e6) + (500 * 20.0 / 1e6);
        double perRequestMean = (costSmall + costLarge) / 2;
        double perRequestSquare = ((costSmall * costSmall) + (costLarge * costLarge)) / 2;
        double lambda = 30 * 1_440.0;
        // A compound Poisson sum has mean lambda E[c] and variance lambda E[c^2].
        double analyticMean = lambda * perRequestMean;
        double standardError = Math.Sqrt(lambda * perRequestSquare / runs);
        ((double)month.Mean.Value).Should().BeApproximately(analyticMean, 4 * standardError + 0.01);
        month.P10.Should().BeLessThanOrEqualTo(month.P50);
        month.P50.Should().BeLessThanOrEqualTo(month.P90);
        month.P90.Should().BeLessThanOrEqualTo(month.P99);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1_000)]
    [InlineData(100_000)]
    public void Learn_PoissonMonteCarloSpread_IsTheCompoundPoissonVariance(int scale)
    {
        // Var(sum of N ~ Poisson(lambda) requests of cost c) = lambda E[c^2], not lambda Var(c): a sampler that drew the
        // count as fixed, or the totals without the count's own spread, would be far too narrow. The two shapes:
        // $0.003 and $0.02, so E[c^2] = (0.003^2 + 0.02^2) / 2 = 0.0002045. Scale 1 keeps the count in MathNet's Poisson
        // sampler (lambda = 43,200); 1,000 (4.32e7, whose 1,000-a-minute peak also hung the tier advice) and 100,000
        // use the normal approximation.
        var workload = KnownRate(Learn(Regular(2 * 1_440, 60, Usage.Of(audioInput: 100, audioOutput: 100), Usage.Of(audioInput: 1_000, audioOutput: 500))));
        const int runs = 4_000;

        var month = Projector.Project(workload, [ProjectionTarget.AsGiven], new ProjectionOptions { Months = 1, Runs = runs, Scale = scale }, TestCatalog.PricesAt).Targets[0].Months[0];

        double lambda = 30 * 1_440.0 * scale;
        double analyticSd = Math.Sqrt(lambda * 0.0002045);
        ((double)month.Mean.Value).Should().BeApproximately(lambda * 0.0115, 4 * analyticSd / Math.Sqrt(runs));

        // The sample SD of 4,000 near-normal draws has a relative standard error of 1 / sqrt(2 x 4,000) = 1.1%.
        // The standard error is rounded to the cent, which moves SE x sqrt(runs) by up to 0.005 x sqrt(runs).
        ((double)month.StandardError.Value * Math.Sqrt(runs)).Should().BeApproximately(analyticSd, (0.05 * analyticSd) + (0.005 * Math.Sqrt(runs)));

        // Near normal: P10 and P90 sit 1.2816 SD either side of the mean.
        ((double)(month.P90.Value - month.P10.Value)).Should().BeApproximately(2 * 1.2816 * analyticSd, (0.08 * 2 * 1.2816 * analyticSd) + 0.01);
    }

    [Fact]
    public void Learn_SmallMonths_RequestByRequestAgreesWithAggregate()
    {
        // Ten a day: 300 a month, below the aggregate threshold; same workload sampled both ways.
        var workload = KnownRate(Learn(Regular(20, 8_640, Usage.Of(audioInput: 100), Usage.Of(audioInput: 300))));
        var options = new ProjectionOptions { Months = 1, Runs = 4_000 };

        var perRequest = Projector.Project(workload, [ProjectionTarget.AsGiven], options, TestCatalog.PricesAt).Targets[0].Months[0];
        var aggregate = Projector.Project(workload, [ProjectionTarget.AsGiven], options with { AggregateAbove = 0 }, TestCatalog.PricesAt).Targets[0].Months[0];

        // 300 requests of mean 200 audio tokens at $10 / 1M = $0.60.
        double analytic = 30 * 10 * 200 * 10.0 / 1e6;
        ((double)perRequest.Mean.Value).Should().BeApproximately(analytic, 0.02);
        ((double)aggregate.Mean.Value).Should().BeApproximately(analytic, 0.02);
    }

    [Fact]
    public void Learn_LogNormalFit_KeepsTheMeanRoughly()
    {
        var usages = Enumerable.Range(1, 50).Select(i => Usage.Of(audioInput: 100 * i)).ToArray();

        var usage = Learn(Regular(500, 600, usages), UsageFit.LogNormal).Streams.Single().Usage;

        usage.Should().BeOfType<LogNormalUsage>();
        // The observed mean is 100 x 25.5 = 2,550; a log-normal fit of a uniform sample lands near it.
        usage.Mean[(int)Planner.Core.Catalog.Meter.AudioInput].Should().BeInRange(2_000, 3_200);
        usage.Mean[(int)Planner.Core.Catalog.Meter.TextInput].Should().Be(0);
    }

    [Fact]
    public void Learn_ResampledUsage_HasTheObservedMeanAndTpmCharge()
    {
        var usage = Learn(Regular(100, 60, Usage.Of(audioInput: 100, audioOutput: 40), Usage.Of(audioInput: 300, audioOutput: 60))).Streams.Single().Usage;

        usage.Mean[(int)Planner.Core.Catalog.Meter.AudioInput].Should().Be(200);
        usage.Mean[(int)Planner.Core.Catalog.Meter.AudioOutput].Should().Be(50);
        usage.MeanTpmCharge.Should().Be(250);
    }

    [Fact]
    public void Learn_SampleIsBoundedAndSeeded()
    {
        var usages = Enumerable.Range(1, 1_000).Select(i => Usage.Of(textInput: i)).ToArray();
        var a = new WorkloadLearner(sampleSize: 10, seed: 3);
        var b = new WorkloadLearner(sampleSize: 10, seed: 3);
        foreach (var request in Regular(1_000, 60, usages))
        {
            a.Observe(request);
            b.Observe(request);
        }

        var ua = (EmpiricalUsage)a.Learn().Streams.Single().Usage;
        var ub = (EmpiricalUsage)b.Learn().Streams.Single().Usage;
        ua.Count.Should().Be(10);
        ua.Mean.Should().Equal(ub.Mean);
    }

    [Fact]
    public void Learn_TooFewRequests_IsRefused()
    {
        var learner = new WorkloadLearner();
        learner.Observe(Start, TestCatalog.Model("gpt-audio-mini"), Usage.Of(textInput: 1));

        var act = () => learner.Learn();

        act.Should().Throw<PlannerException>().WithMessage("a workload needs at least two requests at different times to learn arrival rates from, got 1");
    }

    [Fact]
    public void Learn_TwoModels_GiveTwoStreams()
    {
        var mini = TestCatalog.Model("gpt-audio-mini");
        var full = TestCatalog.Model("gpt-audio");
        var learner = new WorkloadLearner();
        for (int i = 0; i < 100; i++)
        {
            learner.Observe(Start.AddMinutes(i), i % 4 == 0 ? full : mini, Usage.Of(textInput: 10));
        }

        var streams = learner.Learn().Streams;

        streams.Select(s => s.Model.Model.Id).Should().Equal("gpt-audio", "gpt-audio-mini");
        ((double)streams[0].Arrivals.MeanPerDay * 3).Should().BeApproximately((double)streams[1].Arrivals.MeanPerDay, 1e-6);
    }
}
