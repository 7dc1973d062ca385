using System.Text;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Contract.Services;

namespace Planner.Cli.Tests.Contract;

public class SimulateResultJsonTests
{
    private static SimulateResult Run(SimulateQuery query)
    {
        using var source = ContractTrace.Open(query, forSimulation: true);
        return SimulateService.Run(query, ContractCatalog.Bundled, source);
    }

    [Fact]
    public void SimulateResult_Json_HasExactlyThePinnedFieldNames()
    {
        string json = Encoding.UTF8.GetString(PlannerJson.ToUtf8(Run(new SimulateQuery { Tier = "build", SkipInvalid = true, ModelOverride = "gpt-audio-mini" }), PlannerJson.Context.SimulateResult));

        string[] model =
        [
            "model", "rpm_limit", "tpm_limit", "admitted", "mean_rpm", "mean_attempt_rpm", "peak_minute_rpm", "attempts", "peak_minute_attempts",
            "peak_rolling_60s_requests", "peak_rolling_60s_tokens", "rpm_utilisation_mean", "rpm_utilisation_peak", "mean_tpm", "peak_minute_tpm",
            "tpm_utilisation_mean", "tpm_utilisation_peak", "peak_concurrency", "tpm_tokens_charged", "tpm_reserved_unused_tokens",
        ];
        string[] expected =
        [
            .. PriceResultJsonTests.PricedPaths, "model_override",
            "tier", "on_limit", "burst_window_seconds", "seed", "completed", "dropped", "rejected", "outcomes_balance",
            "rejected_by_limits", "rejected_by_limits.by_reason", "rejected_by_limits.first",
            "throttled_attempts", "throttled_requests", "retries", "throttle_rate",
            "queue_delay_seconds", "queue_delay_seconds.p50", "queue_delay_seconds.p95", "queue_delay_seconds.p99", "queue_delay_seconds.max",
            "models", .. model.Select(m => "models[]." + m),
            "peak_concurrency", "peak_concurrency_is_upper_bound", "tpm_reserved_unused_tokens",
            "whole_trace", "whole_trace.requests", "whole_trace.total_usd", "whole_trace.monthly_projection_usd",
        ];
        JsonPaths.Of(json).Should().BeEquivalentTo(expected);
    }

    [Fact]
    public void SimulateResult_ThreeRequestsAtBuild_AllCompleteAndCostWhatTheRowsCost()
    {
        var result = Run(new SimulateQuery { Tier = "build", SkipInvalid = true });

        (result.Completed, result.Dropped, result.Rejected, result.OutcomesBalance).Should().Be((3L, 0L, 1L, true));
        result.TotalUsd.Value.Should().Be(ContractTrace.Total, "every request completed, so the completed cost is the rows' cost");
        result.WholeTrace.TotalUsd.Value.Should().Be(ContractTrace.Total);
        result.Assumptions.Select(a => a.Name).Should().Contain("audio_counts_toward_tpm", "one key per condition across commands")
            .And.NotContain("audio_tokens_count_towards_tpm");
    }

    [Fact]
    public void SimulateQuery_Validate_ReportsEveryBadFieldByName()
    {
        var query = new SimulateQuery { OnLimit = "wait", BurstWindow = 0, RetryFactor = 0.5, RetryAttempts = 0, RetryJitter = 2, Ttft = -1, OutputTps = 0 };

        query.Validate().Select(e => e.Field).Should().Equal("tier", "on_limit", "ttft", "burst_window", "retry_factor", "retry_attempts", "retry_jitter", "output_tps");
        query.Validate()[0].Message.Should().Be("tier is required, e.g. 1");
        query.Validate()[3].Message.Should().Be("burst_window must be > 0 s and at most 3600 s, got 0 s");
    }

    [Fact]
    public void SimulateQuery_Defaults_AreTheCliDefaultsAndValid()
    {
        var query = new SimulateQuery { Tier = "1" };

        (query.OnLimit, query.BurstWindow, query.Seed, query.RetryInitial, query.RetryFactor, query.RetryMax, query.RetryAttempts, query.RetryJitter, query.Ttft, query.OutputTps)
            .Should().Be(("queue", 60.0, 1, 1.0, 2.0, 60.0, 6, 0.5, 0.5, 100.0));
        query.Validate().Should().BeEmpty();
    }

    [Fact]
    public void Cli_SimulateBadOptions_PrintsEveryOneAsAFlag()
    {
        var result = CliRunner.Run("simulate", "data/traces/voice-support-day.csv", "--tier", "1", "--retry-attempts", "0", "--on-limit", "wait");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Be(
            "planner: --on-limit must be queue or retry, got 'wait'; --retry-attempts must be >= 1, got 0" + Environment.NewLine);
    }
}
