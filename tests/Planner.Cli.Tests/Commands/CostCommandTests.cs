using System.Text.Json;

namespace Planner.Cli.Tests.Commands;

public class CostCommandTests
{
    [Fact]
    public void Cost_AudioSeconds_PricesAudioAtAudioRates()
    {
        var result = CliRunner.Run("cost", "--model", "gpt-audio-mini", "--audio-in-seconds", "120", "--audio-out-seconds", "60", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        var root = json.RootElement;
        // 120 s x 10 tokens/s = 1,200 input tokens at $10 / 1M; 60 s x 20 tokens/s = 1,200 output tokens at $20 / 1M.
        root.GetProperty("tokens").GetProperty("audio_input").GetInt64().Should().Be(120 * 10);
        root.GetProperty("tokens").GetProperty("audio_output").GetInt64().Should().Be(60 * 20);
        root.GetProperty("breakdown_usd").GetProperty("audio_input").GetDecimal().Should().Be(1_200 * 10.00m / 1_000_000);
        root.GetProperty("breakdown_usd").GetProperty("audio_output").GetDecimal().Should().Be(1_200 * 20.00m / 1_000_000);
        root.GetProperty("total_usd").GetDecimal().Should().Be(0.036m);
    }

    [Fact]
    public void Cost_ManyRequests_TotalCoversAllAndIsAnExactJsonNumber()
    {
        var result = CliRunner.Run("cost", "--model", "gpt-audio-mini", "--text-in", "1", "--text-out", "1", "--requests", "3", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        // One request: 1 x $0.60 / 1M + 1 x $2.40 / 1M = $0.000003; three: $0.000009.
        result.Output.Should().Contain("\"per_request_usd\": 0.000003").And.Contain("\"total_usd\": 0.000009");
        using var json = result.Json();
        json.RootElement.GetProperty("model").GetString().Should().Be("gpt-audio-mini");
        json.RootElement.GetProperty("requests").GetInt64().Should().Be(3);
    }

    [Fact]
    public void Cost_UnknownModel_ExitsTwoWithOneLine()
    {
        var result = CliRunner.Run("cost", "--model", "gpt-audio-minx", "--text-in", "10");

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Should().Be("planner: unknown model 'gpt-audio-minx'; known models: gpt-audio-mini, gpt-audio, gpt-4o-audio-preview, gpt-4o-mini-audio-preview");
        result.Output.Should().BeEmpty();
    }

    [Theory]
    [InlineData(new[] { "--text-out", "20000" }, "planner: output of 20,000 tokens exceeds gpt-audio-mini's 16,384-token output cap")]
    [InlineData(new[] { "--text-in", "120000", "--text-out", "10000" }, "planner: input of 120,000 + output of 10,000 = 130,000 tokens exceeds gpt-audio-mini's 128,000-token context window")]
    [InlineData(new[] { "--text-in", "-5" }, "planner: --text-in must be a token count from 0 to 1,000,000,000 (what one request can carry), got -5")]
    [InlineData(new[] { "--audio-in", "5", "--audio-in-seconds", "1" }, "planner: give --audio-in or --audio-in-seconds, not both")]
    [InlineData(new[] { "--requests", "0" }, "planner: --requests must be between 1 and 1,000,000,000,000, got 0")]
    [InlineData(new[] { "--requests", "9223372036854775807", "--audio-in", "100000" }, "planner: --requests must be between 1 and 1,000,000,000,000, got 9223372036854775807")]
    [InlineData(new[] { "--at", "2025-01-01", "--text-in", "1" }, "planner: gpt-audio-mini has no price before 2025-10-06; the request is dated 2025-01-01T00:00:00Z")]
    [InlineData(new[] { "--at", "yesterday" }, "planner: --at must be an ISO-8601 date or instant such as 2025-11-01 or 2025-11-01T12:00:00Z, got 'yesterday'")]
    public void Cost_InvalidInput_ExitsTwoNamingTheProblem(string[] extra, string message)
    {
        var result = CliRunner.Run(["cost", "--model", "gpt-audio-mini", .. extra]);

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Should().Be(message);
        result.Error.Should().NotContain("   at ", "no stack trace is ever printed");
    }

    [Fact]
    public void Cost_MostRequestsOfAFullContext_StaysExact()
    {
        var result = CliRunner.Run("cost", "--model", "gpt-audio-mini", "--requests", "1000000000000", "--audio-in", "111616", "--audio-out", "16384", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        // 10^12 x (111,616 x $10 + 16,384 x $20) / 1M.
        json.RootElement.GetProperty("total_usd").GetDecimal().Should().Be(1_000_000_000_000m * (111_616 * 10.00m + 16_384 * 20.00m) / 1_000_000);
    }

    [Fact]
    public void Cost_Table_ShowsEveryMeterAndTheAssumedRates()
    {
        var result = CliRunner.Run("cost", "--model", "gpt-audio-mini", "--audio-in-seconds", "60");

        result.ExitCode.Should().Be(0, result.Error);
        // 600 audio tokens at $10 / 1M = $0.006: to the cent in the table (the exact figure is in --json).
        result.Output.Should().Contain("Audio input").And.Contain("$0.01").And.NotContain("$0.006").And.Contain("Assumptions").And.Contain("audio_input_tokens_per_second = 10");
    }

    [Fact]
    public void Cost_Table_ShowsATinyNonZeroAmountAsLessThanACentNeverAsNothing()
    {
        // 100 text tokens at $0.60 / 1M = $0.00006.
        var result = CliRunner.Run("cost", "--model", "gpt-audio-mini", "--text-in", "100");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("<$0.01").And.NotContain("$0.00006");
    }

    [Fact]
    public void Cost_UnknownOption_ExitsTwo()
    {
        var result = CliRunner.Run("cost", "--model", "gpt-audio-mini", "--bogus");

        result.ExitCode.Should().Be(2);
        result.Error.Should().StartWith("planner: ").And.Contain("bogus");
    }
}
