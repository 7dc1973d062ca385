namespace Planner.Cli.Tests.Commands;

public class ConversationCommandTests
{
    [Fact]
    public void Conversation_WorkedExample_CostsEachTurnWithTheHistory()
    {
        var result = CliRunner.Run("conversation", "--model", "gpt-audio-mini", "--turns", "3", "--user-audio-seconds", "10", "--assistant-audio-seconds", "5", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        var root = json.RootElement;
        var turns = root.GetProperty("turns");
        // User 10 s x 10/s = 100 tokens; assistant 5 s x 20/s = 100; turn k resends k - 1 of each.
        turns.EnumerateArray().Select(t => t.GetProperty("tokens").GetProperty("audio_input").GetInt64()).Should().Equal(100, 300, 500);
        turns.EnumerateArray().Select(t => t.GetProperty("tokens").GetProperty("audio_output").GetInt64()).Should().Equal(100, 100, 100);
        // 900 x $10 / 1M = $0.009 in; 300 x $20 / 1M = $0.006 out.
        root.GetProperty("total_usd").GetDecimal().Should().Be((900 * 10m / 1_000_000) + (300 * 20m / 1_000_000)).And.Be(0.015m);
        turns[0].GetProperty("cost_usd").GetDecimal().Should().Be(0.003m);
        turns[2].GetProperty("cumulative_usd").GetDecimal().Should().Be(0.015m);
        // Turn k holds 200 k tokens: 128,000 / 200 = 640 fit.
        root.GetProperty("context_overflow_turn").GetInt64().Should().Be(641);
    }

    [Fact]
    public void Conversation_Table_ShowsTurnsTotalAndOverflow()
    {
        var result = CliRunner.Run("conversation", "--model", "gpt-audio-mini", "--turns", "3", "--user-audio-seconds", "10", "--assistant-audio-seconds", "5");

        result.ExitCode.Should().Be(0, result.Error);
        // $0.015 in all, to the cent (half away from zero) in the table.
        result.Output.Should().Contain("$0.02").And.Contain("overflow at turn 641").And.Contain("audio_output_tokens_per_second = 20");
    }

    [Theory]
    [InlineData(new[] { "--turns", "0", "--user-audio-seconds", "1", "--assistant-audio-seconds", "1" }, "planner: --turns must be 1 to 100,000, got 0")]
    [InlineData(new[] { "--turns", "2000000000", "--user-audio-seconds", "0", "--assistant-audio-seconds", "0" }, "planner: --turns must be 1 to 100,000, got 2000000000")]
    [InlineData(new[] { "--turns", "2", "--user-audio-seconds", "-1", "--assistant-audio-seconds", "1" }, "planner: --user-audio-seconds must be >= 0, got -1")]
    [InlineData(new[] { "--turns", "700", "--user-audio-seconds", "10", "--assistant-audio-seconds", "5" }, "planner: turn 641 of 700 needs 128,200 tokens, over gpt-audio-mini's 128,000-token context window; at most 640 turns fit")]
    public void Conversation_InvalidInput_ExitsTwo(string[] args, string message)
    {
        var result = CliRunner.Run(["conversation", "--model", "gpt-audio-mini", .. args]);

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Should().Be(message);
    }

    [Fact]
    public void Conversation_UnknownModel_ExitsTwo()
    {
        var result = CliRunner.Run("conversation", "--model", "gpt-audio-minx", "--turns", "1", "--user-audio-seconds", "1", "--assistant-audio-seconds", "1");

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Should().StartWith("planner: unknown model 'gpt-audio-minx'");
    }
}
