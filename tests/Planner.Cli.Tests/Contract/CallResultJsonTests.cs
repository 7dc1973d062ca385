using System.Text;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Services;

namespace Planner.Cli.Tests.Contract;

public class CallResultJsonTests
{
    private static readonly CallQuery TwoTurns = new() { Model = "gpt-audio-mini", Turns = 2, UserAudioSeconds = 10, AssistantAudioSeconds = 5, At = "2026-12-01" };

    [Fact]
    public void CallResult_Json_HasExactlyThePinnedFieldNames()
    {
        string json = Encoding.UTF8.GetString(PlannerJson.ToUtf8(CallService.Run(TwoTurns, ContractCatalog.Bundled, CliRunner.Now), PlannerJson.Context.CallResult));

        string[] expected =
        [
            "model", "api", "turn_count", "call_minutes", "user_audio_tokens_per_turn", "assistant_audio_tokens_per_turn", "max_output_tokens",
            "truncation_limit_tokens", "truncation_turn",
            "turns", "turns[].turn", "turns[].tokens", .. JsonPaths.Meters("turns[].tokens"), "turns[].cost_usd", .. JsonPaths.Meters("turns[].cost_usd"),
            "turns[].total_usd", "turns[].cumulative_usd", "turns[].tpm_charge_tokens", "turns[].first_retained_turn", "turns[].dropped_turns",
            "tokens", .. JsonPaths.Meters("tokens"), "cost_usd", .. JsonPaths.Meters("cost_usd"), "total_usd", "cost_per_minute_usd",
            "cache_hit_share", "total_at_cache_hit_0_usd", "total_at_cache_hit_1_usd",
            "warnings", "warnings[].key", "warnings[].message", "assumptions", "assumptions[].name", "assumptions[].value", "assumptions[].why",
        ];
        JsonPaths.Of(json).Should().BeEquivalentTo(expected);
    }

    [Fact]
    public void CallResult_ChatCompletions_ResendsTheHistoryAndCostsByHand()
    {
        var result = CallService.Run(TwoTurns, ContractCatalog.Bundled, CliRunner.Now);

        // Turn 1: 100 user audio tokens in, 100 assistant audio tokens out; turn 2 resends both as input (history)
        // plus 100 new user tokens. gpt-audio-mini: audio in $10 / 1M, audio out $20 / 1M; no caching on Chat Completions.
        decimal turn1 = (100 * 10.00m + 100 * 20.00m) / 1_000_000;
        decimal turn2 = (300 * 10.00m + 100 * 20.00m) / 1_000_000;
        result.Turns[0].TotalUsd.Value.Should().Be(turn1);
        result.Turns[1].TotalUsd.Value.Should().Be(turn2);
        result.TotalUsd.Value.Should().Be(turn1 + turn2);
        result.CostUsd.Total.Should().Be(result.TotalUsd, "the per-meter costs add up to the total");
        result.TruncationLimitTokens.Should().BeNull("Chat Completions does not truncate");
    }

    [Fact]
    public void CallQuery_NoModelAndBadShares_ReportsEveryField()
    {
        new CallQuery { Turns = 0, CacheHit = 2 }.Validate().Select(e => e.Field).Should().Equal("model", "turns", "cache_hit");
    }
}
