using System.Text;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Services;

namespace Planner.Cli.Tests.Contract;

public class ConversationResultJsonTests
{
    private static readonly ConversationQuery ThreeTurns = new() { Model = "gpt-audio-mini", Turns = 3, UserAudioSeconds = 10, AssistantAudioSeconds = 5, At = "2026-12-01" };

    [Fact]
    public void ConversationResult_Json_HasExactlyThePinnedFieldNames()
    {
        string json = Encoding.UTF8.GetString(PlannerJson.ToUtf8(ConversationService.Run(ThreeTurns, ContractCatalog.Bundled, CliRunner.Now), PlannerJson.Context.ConversationResult));

        string[] expected =
        [
            "model", "user_audio_tokens_per_turn", "assistant_audio_tokens_per_turn",
            "turns", "turns[].turn", "turns[].tokens", .. JsonPaths.Meters("turns[].tokens"), "turns[].cost_usd", "turns[].cumulative_usd",
            "tokens", .. JsonPaths.Meters("tokens"), "total_usd", "context_overflow_turn", "context_window",
            "warnings", "warnings[].key", "warnings[].message", "assumptions", "assumptions[].name", "assumptions[].value", "assumptions[].why",
        ];
        JsonPaths.Of(json).Should().BeEquivalentTo(expected);
    }

    [Fact]
    public void ConversationResult_TurnsResendTheHistory_CostsByHand()
    {
        var result = ConversationService.Run(ThreeTurns, ContractCatalog.Bundled, CliRunner.Now);

        // 100 user and 100 assistant audio tokens a turn; turn k sends k user turns and k-1 assistant turns of history as input.
        // gpt-audio-mini: audio in $10 / 1M (the resent assistant audio is input too), audio out $20 / 1M (the new reply).
        decimal Turn(int k) => (k * 100 * 10.00m + (k - 1) * 100 * 10.00m + 100 * 20.00m) / 1_000_000;
        result.Turns.Select(t => t.CostUsd.Value).Should().Equal(Turn(1), Turn(2), Turn(3));
        result.TotalUsd.Value.Should().Be(Turn(1) + Turn(2) + Turn(3));
        // Turn k carries 200k - 100 input tokens and 100 output: 200k tokens, over 128,000 first at k = 641.
        result.ContextOverflowTurn.Should().Be(128_000 / 200 + 1);
    }
}
