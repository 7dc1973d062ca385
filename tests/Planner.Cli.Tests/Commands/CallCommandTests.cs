namespace Planner.Cli.Tests.Commands;

public class CallCommandTests
{
    private const decimal M = 1_000_000m;

    [Fact]
    public void Call_ChatCompletions_CostsEachTurnWithTheHistory()
    {
        var result = CliRunner.Run("call", "--model", "gpt-audio-mini", "--turns", "2", "--user-audio-seconds", "10", "--assistant-audio-seconds", "5",
            "--system-text-tokens", "200", "--cache-hit", "0", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        var root = json.RootElement;
        // gpt-audio-mini: text $0.60, audio in $10, audio out $20 per 1M. User 100 and assistant 100 audio tokens a turn.
        // Turn 1: 200 text + 100 audio in, 100 out. Turn 2: 200 text + 300 audio in (the history), 100 out.
        decimal turn1 = (200 * 0.60m / M) + (100 * 10m / M) + (100 * 20m / M);
        decimal turn2 = (200 * 0.60m / M) + (300 * 10m / M) + (100 * 20m / M);
        root.GetProperty("api").GetString().Should().Be("chat_completions");
        root.GetProperty("turns")[0].GetProperty("total_usd").GetDecimal().Should().Be(turn1);
        root.GetProperty("turns")[1].GetProperty("total_usd").GetDecimal().Should().Be(turn2);
        root.GetProperty("total_usd").GetDecimal().Should().Be(turn1 + turn2);
        root.GetProperty("cost_usd").EnumerateObject().Sum(p => p.Value.GetDecimal()).Should().Be(turn1 + turn2);
        // 2 turns of 15 s: half a minute.
        root.GetProperty("call_minutes").GetDecimal().Should().Be(0.5m);
        root.GetProperty("cost_per_minute_usd").GetDecimal().Should().Be((turn1 + turn2) * 2);
        root.GetProperty("truncation_turn").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        root.GetProperty("truncation_limit_tokens").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public void Call_Minutes_DerivesOneTurnPerTurnOfTalk()
    {
        var result = CliRunner.Run("call", "--model", "gpt-audio-mini", "--minutes", "4", "--user-audio-seconds", "10", "--assistant-audio-seconds", "20", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        // 240 s of talk / 30 s a turn = 8 turns.
        json.RootElement.GetProperty("turn_count").GetInt32().Should().Be(8);
        json.RootElement.GetProperty("call_minutes").GetDecimal().Should().Be(4m);
    }

    [Fact]
    public void Call_Json_PinsItsFieldNames()
    {
        var result = CliRunner.Run("call", "--model", "gpt-audio-mini", "--turns", "1", "--user-audio-seconds", "1", "--json");

        using var json = result.Json();
        json.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal(
            "model", "api", "turn_count", "call_minutes", "user_audio_tokens_per_turn", "assistant_audio_tokens_per_turn", "max_output_tokens",
            "truncation_limit_tokens", "truncation_turn", "turns", "tokens", "cost_usd", "total_usd", "cost_per_minute_usd", "cache_hit_share",
            "total_at_cache_hit_0_usd", "total_at_cache_hit_1_usd", "warnings", "assumptions");
        json.RootElement.GetProperty("turns")[0].EnumerateObject().Select(p => p.Name).Should().Equal(
            "turn", "tokens", "cost_usd", "total_usd", "cumulative_usd", "tpm_charge_tokens", "first_retained_turn", "dropped_turns");
    }

    [Fact]
    public void Call_Table_ShowsTheCacheHitRangeAndAssumptions()
    {
        var result = CliRunner.Run("call", "--model", "gpt-audio-mini", "--turns", "3", "--user-audio-seconds", "10", "--assistant-audio-seconds", "5");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("Cache-hit share 0.5: $0.015; at 0: $0.015; at 1: $0.015")
            .And.Contain("Per minute of call: $0.02")
            .And.Contain("cache_hit_share = 0.5");
    }

    [Fact]
    public void Call_InvalidOptions_ReportsEveryProblemAtOnce()
    {
        var result = CliRunner.Run("call", "--model", "gpt-audio-mini", "--turns", "0", "--cache-hit", "2", "--retention-ratio", "0", "--truncation", "never");

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Should().Be(
            "planner: --turns must be 1 to 100,000, got 0; --cache-hit must be 0 to 1, got 2; --retention-ratio must be > 0 and at most 1, got 0; --truncation must be 'retention_ratio' or 'disabled', got 'never'");
    }

    [Fact]
    public void Call_NeitherTurnsNorMinutes_ExitsTwo()
    {
        var result = CliRunner.Run("call", "--model", "gpt-audio-mini", "--user-audio-seconds", "10");

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Should().Be("planner: --turns or --minutes is required, e.g. 8 turns or 4 minutes");
    }
}

public class CallReadmeTests
{
    [Fact]
    public void ReadmeCall_PrintsTheFiguresTheReadmeShows()
    {
        // README "Voice calls": 8 turns of 10 s user (100 tokens) and 20 s assistant (400), 500 system tokens, gpt-audio-mini
        // $0.60 text, $10 audio in, $20 audio out per 1M: 4,000 x 0.60 + 14,800 x 10 + 3,200 x 20 per 1M = $0.2144, $0.0536 a minute.
        var result = CliRunner.Run("call", "--model", "gpt-audio-mini", "--minutes", "4", "--user-audio-seconds", "10", "--assistant-audio-seconds", "20",
            "--system-text-tokens", "500", "--at", "2026-12-01");

        result.ExitCode.Should().Be(0, result.Error);
        decimal perCall = (4_000 * 0.60m / 1_000_000) + (14_800 * 10m / 1_000_000) + (3_200 * 20m / 1_000_000);
        perCall.Should().Be(0.2144m);
        result.Output.Should().Contain("gpt-audio-mini (Chat Completions): 8 turn(s) in 4 min")
            .And.Contain("Audio tokens a turn: 100 user, 400 assistant")
            .And.Contain("│    1 │   600 │      0 │    400 │ $0.0093 │    $0.0093 │")
            .And.Contain("│    8 │ 4,100 │  1,800 │    400 │ $0.0443 │    $0.2144 │")
            .And.Contain("Per minute of call: $0.0536")
            .And.Contain("Cache-hit share 0.5: $0.2144; at 0: $0.2144; at 1: $0.2144");
    }
}
