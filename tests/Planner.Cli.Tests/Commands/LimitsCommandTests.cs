namespace Planner.Cli.Tests.Commands;

public class LimitsCommandTests
{
    [Fact]
    public void Limits_Json_GivesEveryTierWithUsageLimits()
    {
        var result = CliRunner.Run("limits", "--model", "gpt-audio-mini", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        var tiers = json.RootElement.GetProperty("tiers").EnumerateArray().ToList();
        tiers.Select(t => t.GetProperty("tier").GetString()).Should().Equal("free", "1", "2", "3", "4", "5");
        tiers[0].GetProperty("supported").GetBoolean().Should().BeFalse();
        tiers[1].GetProperty("rpm").GetInt64().Should().Be(500);
        tiers[1].GetProperty("tpm").GetInt64().Should().Be(30_000);
        tiers[5].GetProperty("monthly_usage_limit_usd").GetDecimal().Should().Be(200_000m);
        tiers[2].GetProperty("qualification").GetString().Should().Contain("$50 paid");
    }

    [Fact]
    public void Limits_CarriedOverTable_SaysItIsAnAssumption()
    {
        var result = CliRunner.Run("limits", "--model", "gpt-audio");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("not supported").And.Contain("assumption").And.Contain("30,000,000");
    }
}
