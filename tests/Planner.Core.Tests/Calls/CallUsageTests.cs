using FluentAssertions;
using MathNet.Numerics.Distributions;
using Planner.Core.Calls;
using Planner.Core.Projection;
using Planner.Core.Units;
using Xunit;

namespace Planner.Core.Tests.Calls;

public class CallUsageTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>10 s user, 20 s assistant a turn (30 s of talk), 500 system tokens, 4,096 reserved output.</summary>
    private static CallShape PerTurn(int turns) => new()
    {
        Turns = turns,
        UserAudio = AudioDuration.FromSeconds(10),
        AssistantAudio = AudioDuration.FromSeconds(20),
        SystemTextTokens = new TokenCount(500),
    };

    private static CallPlan Walk(int turns) => CallPlanner.Plan(CallModels.Resolve("gpt-realtime-2.1-mini"), CallModels.RealtimeMini21.Prices[0], PerTurn(turns),
        new CallOptions { CacheHitShare = 0.5m, MaxOutputTokens = new TokenCount(4_096) }, CallModels.Rates, CallModels.Today);

    private static Workload Calls(CallUsage usage, decimal perDay, decimal sd) =>
        new([new WorkloadStream(CallModels.Resolve("gpt-realtime-2.1-mini"), Arrivals.SpreadPerDay(perDay, sd).Validate(), usage)], ["calls"]);

    [Fact]
    public void Fixed_CallsPerDay_ProjectsExactlyThirtyDaysOfCalls()
    {
        var plan = Walk(8);

        var result = Projector.Project(Calls(CallUsage.Fixed(plan), 20_000m, 0m), [ProjectionTarget.AsGiven], new ProjectionOptions { Months = 1 }, Now);

        var month = result.Targets[0].Months[0];
        result.IsExact.Should().BeTrue();
        month.Mean.Should().Be(plan.Total * (30m * 20_000m));
    }

    [Fact]
    public void Fixed_PeakRequests_AreResponsesNotCalls()
    {
        var plan = Walk(8);

        var result = Projector.Project(Calls(CallUsage.Fixed(plan), 20_000m, 0m), [ProjectionTarget.AsGiven], new ProjectionOptions { Months = 1 }, Now);

        // 20,000 calls a day spread evenly: 20,000 / 1,440 calls a minute, 8 Responses each.
        var need = result.Targets[0].Months[0].Tiers[0];
        need.PeakRpm.Should().Be(TierAdvisor.PoissonQuantile(20_000.0 / 24 / 60 * 8, ProjectionDefaults.PeakQuantile));
        double meanCharge = plan.TpmCharge.Value / 8.0;
        need.PeakTpm.Should().Be((long)Math.Ceiling(need.PeakRpm * meanCharge));
    }

    [Fact]
    public void LogNormalMinutes_MeanTurns_FollowTheRuleOfOneTurnPerThirtySeconds()
    {
        var usage = CallUsage.LogNormalMinutes(4m, 2m, 1m, 30m, Walk);

        // E[ceiling(2 x minutes)] for minutes log-normal with mean 4 and SD 2, summed directly.
        double sigma2 = Math.Log(1 + (4.0 / 16)), mu = Math.Log(4) - (sigma2 / 2), expected = 0, below = 0;
        for (int n = 1; n < 400; n++)
        {
            double cdf = LogNormal.CDF(mu, Math.Sqrt(sigma2), n / 2.0);
            expected += n * (cdf - below);
            below = cdf;
        }

        usage.MeanTurns.Should().BeApproximately(expected, 1e-6);
        usage.RequestsPerUnit.Should().Be(usage.MeanTurns);
        usage.ExactUsage.Should().BeNull();
    }

    [Fact]
    public void LogNormalMinutes_BadParameters_ReportsEveryProblemAtOnce()
    {
        var act = () => CallUsage.LogNormalMinutes(0m, -1m, 0m, 30m, Walk);

        act.Should().Throw<PlannerException>().WithMessage(
            "mean call minutes must be > 0 and at most 1,440, got 0; call minutes' standard deviation must be 0 to 100 x the mean, got -1; talk share must be > 0 and at most 1, got 0");
    }

    [Fact]
    public void LogNormalMinutes_ProjectionP10ToP90_CoversEightyPercentOfTrueMonths()
    {
        // The truth: 30 independent days of normal(50, 10) calls (rounded, at least 0), each call's minutes log-normal
        // (mean 4, SD 2), a turn per 30 s of call rounded up; each call costs exactly the first n turns of the walk.
        var usage = CallUsage.LogNormalMinutes(4m, 2m, 1m, 30m, Walk);
        var walk = Walk(usage.Plan.Turns.Count);
        var result = Projector.Project(Calls(usage, 50m, 10m), [ProjectionTarget.AsGiven], new ProjectionOptions { Months = 1, Runs = 10_000, Seed = 7 }, Now);
        var month = result.Targets[0].Months[0];

        var random = new Random(11);
        double sigma2 = Math.Log(1 + (4.0 / 16));
        double mu = Math.Log(4) - (sigma2 / 2);
        int inside = 0;
        const int trueMonths = 2_000;
        for (int t = 0; t < trueMonths; t++)
        {
            decimal cost = 0;
            for (int day = 0; day < 30; day++)
            {
                long calls = Math.Max(0, (long)Math.Round(Normal.Sample(random, 50, 10)));
                for (long c = 0; c < calls; c++)
                {
                    double minutes = LogNormal.Sample(random, mu, Math.Sqrt(sigma2));
                    int turns = (int)Math.Min(walk.Turns.Count, Math.Max(1, Math.Ceiling(minutes * 2)));
                    cost += walk.Turns[turns - 1].CumulativeCost.Value;
                }
            }

            if (cost >= month.P10.Value && cost <= month.P90.Value)
            {
                inside++;
            }
        }

        (inside / (double)trueMonths).Should().BeApproximately(0.80, 0.04);
    }
}
