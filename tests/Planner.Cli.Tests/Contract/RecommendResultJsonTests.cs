using System.Text;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Contract.Services;

namespace Planner.Cli.Tests.Contract;

public class RecommendResultJsonTests
{
    private static RecommendResult Run(RecommendQuery query)
    {
        using var source = ContractTrace.Open(query, forSimulation: true);
        return RecommendService.Run(query, ContractCatalog.Bundled, source);
    }

    [Fact]
    public void RecommendResult_Json_HasExactlyThePinnedFieldNames()
    {
        string json = Encoding.UTF8.GetString(PlannerJson.ToUtf8(Run(new RecommendQuery { SkipInvalid = true }), PlannerJson.Context.RecommendResult));

        string[] tier =
        [
            "tier", "meets_objectives", "reason", "completed", "dropped", "rejected", "throttled_requests", "throttle_rate",
            "queue_delay_p99_seconds", "queue_delay_max_seconds", "peak_concurrency",
        ];
        string[] expected =
        [
            "trace", "rows_read", "rows_priced", "rows_rejected", "rows_balance",
            "rejections", "rejections.by_reason", "rejections.by_reason.negative_count", "rejections.first",
            "rejections.first[].line", "rejections.first[].kind", "rejections.first[].message",
            "on_limit", "objectives", "objectives.max_p99_delay_seconds",
            "recommended_tier", "reason", "headline", "recommended_tier_name", "recommended_tier_qualification",
            "monthly_projection_usd", "recommended_tier_monthly_usage_limit_usd", "fits_monthly_usage_limit",
            "monthly_usage_limit_tier", "monthly_usage_limit_tier_name", "monthly_usage_limit_tier_usd", "total_usd",
            "tiers", .. tier.Select(t => "tiers[]." + t),
            "warnings", "warnings[].key", "warnings[].message",
            "assumptions", "assumptions[].name", "assumptions[].value", "assumptions[].why",
        ];
        JsonPaths.Of(json).Should().BeEquivalentTo(expected);
    }

    [Fact]
    public void RecommendResult_ThreeSmallRequests_LowestTierSufficesAndTheMoneyIsTheRows()
    {
        var result = Run(new RecommendQuery { SkipInvalid = true });
        string json = Encoding.UTF8.GetString(PlannerJson.ToUtf8(result, PlannerJson.Context.RecommendResult));

        // On 2026-12-01 the tiers are Free, Build, Launch, Grow; three requests in an hour fit the lowest the models support.
        result.RecommendedTier.Should().Be(result.Tiers.First(t => t.MeetsObjectives).Tier);
        result.RecommendedTier.Should().Be("build");
        result.Reason.Should().BeNull();
        result.TotalUsd.Value.Should().Be(ContractTrace.Total);
        result.MonthlyProjectionUsd!.Value.Value.Should().Be(ContractTrace.Total * 720, "one hour of traffic scaled to 30 days");
        json.Should().Contain("\"reason\": null,", "a null reason is written, not omitted, as --json always had it");
    }

    [Fact]
    public void RecommendQuery_Retry_ObjectivesAreTheThrottleRateAndNoDrops()
    {
        var result = Run(new RecommendQuery { SkipInvalid = true, OnLimit = "retry", MaxThrottleRate = 0.05 });

        result.Objectives.Should().Be(new RecommendObjectivesResult(null, 0.05, 0));
    }

    [Fact]
    public void RecommendQuery_Validate_ReportsEveryBadFieldByName()
    {
        var query = new RecommendQuery { MaxP99Delay = -1, MaxThrottleRate = 2, Seed = 3, RetryMax = 0.5 };

        query.Validate().Should().Equal(
            new Planner.Contract.FieldError("max_p99_delay", "max_p99_delay must be a number of seconds >= 0, got -1"),
            new Planner.Contract.FieldError("max_throttle_rate", "max_throttle_rate must be in [0, 1], got 2"),
            new Planner.Contract.FieldError("retry_max", "retry_max (0.5 s) must be >= retry_initial (1 s)"));
    }
}
