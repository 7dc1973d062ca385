namespace Planner.Cli.Tests.Commands;

public class CapacityCommandTests
{
    [Fact]
    public void Capacity_Tier1_HalfMinuteCalls_AreTpmBound()
    {
        var result = CliRunner.Run("capacity", "--model", "gpt-audio-mini", "--tier", "1", "--audio-in-seconds", "30", "--audio-out-seconds", "15", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        var root = json.RootElement;
        // 30 s x 10/s + 15 s x 20/s = 600 tokens against 30,000 TPM: 50 a minute, under 500 RPM.
        root.GetProperty("tpm_charge_per_request").GetInt64().Should().Be(30 * 10 + 15 * 20);
        root.GetProperty("max_requests_per_minute").GetDecimal().Should().Be(30_000m / 600);
        root.GetProperty("limited_by").GetString().Should().Be("tpm");
        root.GetProperty("input_audio_minutes_per_minute").GetDecimal().Should().Be(50 * 30m / 60);
        root.GetProperty("output_audio_minutes_per_minute").GetDecimal().Should().Be(50 * 15m / 60);
        root.GetProperty("cost_per_hour_usd").GetDecimal().Should().Be((300 * 10.00m + 300 * 20.00m) / 1_000_000 * 50 * 60);
        var limits = root.GetProperty("per_request_audio_limits");
        limits.GetProperty("max_output_audio_seconds").GetDecimal().Should().Be(16_384m / 20);
        limits.GetProperty("max_input_audio_seconds_alone").GetDecimal().Should().Be(128_000m / 10);
    }

    [Fact]
    public void Capacity_MaxTokens_ChargesTpmAndShowsTheWaste()
    {
        var result = CliRunner.Run("capacity", "--model", "gpt-audio-mini", "--tier", "2", "--audio-in", "300", "--audio-out", "300", "--max-tokens", "4096", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        json.RootElement.GetProperty("tpm_charge_per_request").GetInt64().Should().Be(300 + 4_096);
        json.RootElement.GetProperty("max_requests_per_minute").GetDecimal().Should().Be(Math.Round(450_000m / 4_396, 6));
        json.RootElement.GetProperty("whole_requests_per_minute").GetInt64().Should().Be(450_000 / 4_396);
    }

    [Fact]
    public void Capacity_SmallRequests_AreRpmBound()
    {
        var result = CliRunner.Run("capacity", "--model", "gpt-audio-mini", "--tier", "tier-1", "--text-in", "5", "--text-out", "5", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        json.RootElement.GetProperty("max_requests_per_minute").GetDecimal().Should().Be(500);
        json.RootElement.GetProperty("limited_by").GetString().Should().Be("rpm");
    }

    [Theory]
    [InlineData(new[] { "--tier", "free", "--audio-in", "5" }, "planner: gpt-audio-mini is not supported at the Free tier")]
    [InlineData(new[] { "--tier", "9", "--audio-in", "5" }, "planner: tier '9' does not exist on 2026-01-15; tiers then: Free, Tier 1, Tier 2, Tier 3, Tier 4, Tier 5")]
    [InlineData(new[] { "--audio-in", "5" }, "planner: --tier is required, e.g. 1")]
    [InlineData(new[] { "--tier", "1", "--audio-out", "500", "--max-tokens", "100" }, "planner: --max-tokens 100 is below the request's output of 500 tokens; a response is never longer than its output limit")]
    [InlineData(new[] { "--tier", "1", "--audio-out", "5", "--max-tokens", "20000" }, "planner: --max-tokens 20,000 exceeds gpt-audio-mini's 16,384-token output cap")]
    public void Capacity_InvalidInput_ExitsTwo(string[] extra, string message)
    {
        var result = CliRunner.Run(["capacity", "--model", "gpt-audio-mini", .. extra]);

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Should().Be(message);
    }
}
