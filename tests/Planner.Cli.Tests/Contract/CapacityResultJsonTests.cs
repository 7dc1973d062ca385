using System.Text;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Services;

namespace Planner.Cli.Tests.Contract;

public class CapacityResultJsonTests
{
    [Fact]
    public void CapacityResult_Json_HasExactlyThePinnedFieldNames()
    {
        var query = new CapacityQuery { Model = "gpt-audio-mini", Tier = "2", AudioInSeconds = 30, AudioOutSeconds = 15, MaxTokens = 4096, At = "2026-01-15" };
        string json = Encoding.UTF8.GetString(PlannerJson.ToUtf8(CapacityService.Run(query, ContractCatalog.Bundled, CliRunner.Now), PlannerJson.Context.CapacityResult));

        string[] expected =
        [
            "model", "tier", "rpm", "tpm", "tokens", .. JsonPaths.Meters("tokens"), "max_tokens", "tpm_charge_per_request",
            "max_requests_per_minute", "whole_requests_per_minute", "limited_by", "input_audio_minutes_per_minute",
            "output_audio_minutes_per_minute", "per_request_usd", "cost_per_hour_usd", "tpm_reserved_but_unused_share",
            "per_request_audio_limits", "per_request_audio_limits.max_output_audio_seconds",
            "per_request_audio_limits.max_input_audio_seconds", "per_request_audio_limits.max_input_audio_seconds_alone",
            "warnings", "assumptions", "assumptions[].name", "assumptions[].value", "assumptions[].why",
        ];
        JsonPaths.Of(json).Should().BeEquivalentTo(expected);
    }

    [Fact]
    public void CapacityResult_FiguresAreWorkedByHand()
    {
        // Tier 2: 450,000 TPM; each request charges 300 input + 4,096 max_tokens against it.
        var query = new CapacityQuery { Model = "gpt-audio-mini", Tier = "2", AudioInSeconds = 30, AudioOutSeconds = 15, MaxTokens = 4096, At = "2026-01-15" };
        var result = CapacityService.Run(query, ContractCatalog.Bundled, CliRunner.Now);

        result.TpmChargePerRequest.Should().Be(30 * 10 + 4_096);
        result.MaxRequestsPerMinute.Should().Be(Math.Round(450_000m / 4_396, 6));
        result.PerRequestUsd.Value.Should().Be((300 * 10.00m + 300 * 20.00m) / 1_000_000);
        result.Assumptions.Select(a => a.Name).Should().Contain("audio_counts_toward_tpm");
    }

    [Fact]
    public void CallCapacityResult_Json_HasExactlyThePinnedFieldNames()
    {
        var query = new CapacityQuery { Model = "gpt-audio-mini", ConcurrentCalls = 300, Minutes = 4, UserAudioSeconds = 10, AssistantAudioSeconds = 20, At = "2026-12-01" };
        string json = Encoding.UTF8.GetString(PlannerJson.ToUtf8(CapacityService.RunCalls(query, ContractCatalog.Bundled, CliRunner.Now), PlannerJson.Context.CallCapacityResult));

        string[] expected =
        [
            "model", "api", "turn_count", "call_minutes", "concurrent_calls", "responses_per_call_minute", "tpm_charge_per_call_minute",
            "responses_per_minute", "tokens_per_minute", "largest_response_tpm_charge", "cost_per_call_usd",
            "tiers", "tiers[].tier", "tiers[].supported", "tiers[].rpm", "tiers[].tpm", "tiers[].fits_rpm", "tiers[].fits_tpm",
            "tiers[].fits", "tiers[].max_concurrent_calls", "tiers[].limited_by", "lowest_tier_that_fits",
            "warnings", "warnings[].key", "warnings[].message", "assumptions", "assumptions[].name", "assumptions[].value", "assumptions[].why",
        ];
        JsonPaths.Of(json).Should().BeEquivalentTo(expected);
        json.Should().Contain("\"rpm\": null", "a tier the model is not offered at has null limits, not zero");
    }

    [Fact]
    public void CapacityQuery_CallLoadWithoutShapeAndMaxTokensOnACall_ReportEveryProblem()
    {
        new CapacityQuery { Model = "gpt-audio-mini", ConcurrentCalls = 3 }.Validate().Select(e => e.Field)
            .Should().Contain("concurrent_calls");
        new CapacityQuery { Model = "gpt-audio-mini", Turns = 2, MaxTokens = 10, TalkShare = 2 }.Validate().Select(e => e.Field)
            .Should().Equal("max_tokens", "talk_share");
    }
}
