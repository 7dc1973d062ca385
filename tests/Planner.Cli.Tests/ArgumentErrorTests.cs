namespace Planner.Cli.Tests;

/// <summary>Usage errors name the option, never an internal type or placeholder.</summary>
public class ArgumentErrorTests
{
    [Theory]
    [InlineData(new[] { "cost", "--model", "gpt-audio-mini", "--text-in", "abc" }, "planner: --text-in: 'abc' is not a whole number in range")]
    [InlineData(new[] { "cost", "--model", "gpt-audio-mini", "--requests", "5.5" }, "planner: --requests: '5.5' is not a whole number in range")]
    [InlineData(new[] { "cost", "--model", "gpt-audio-mini", "--audio-in-seconds", "1e30" }, "planner: --audio-in-seconds: '1e30' is not a number in range")]
    [InlineData(new[] { "cost", "--model" }, "planner: --model needs a value")]
    [InlineData(new[] { "cost", "--model", "--json" }, "planner: --model needs a value")]
    [InlineData(new[] { "simulate", "data/traces/voice-support-day.csv", "--tier" }, "planner: --tier needs a value")]
    [InlineData(new[] { "calibrate", "-" }, "planner: calibrate reads a file; standard input ('-') is read only by price, simulate and recommend")]
    [InlineData(new[] { "project", "--trace", "-" }, "planner: --trace needs a file; standard input ('-') is read only as the trace argument of price, simulate and recommend")]
    [InlineData(new[] { "cost", "--model", "gpt-audio-mini", "--text-in", "-5" }, "planner: --text-in must be a token count from 0 to 1,000,000,000 (what one request can carry), got -5")]
    [InlineData(new[] { "simulate", "data/traces/voice-support-day.csv", "--tier", "1", "--burst-window", "1e300" }, "planner: --burst-window must be a number of seconds from 0 to 461,168,601,842, got 1E+300")]
    [InlineData(new[] { "simulate", "data/traces/voice-support-day.csv", "--tier", "1", "--ttft", "-1" }, "planner: --ttft must be a number of seconds from 0 to 461,168,601,842, got -1")]
    public void UsageError_NamesTheOptionAndExitsTwo(string[] args, string message)
    {
        // Repo-relative trace paths resolve against the bundled data copied beside the tests.
        var result = CliRunner.Run([.. args.Select(a => a.StartsWith("data/", StringComparison.Ordinal) ? Path.Combine(CliRunner.DataDirectory, a[5..]) : a)]);

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Should().Be(message);
    }

    [Fact]
    public void OptionWithEquals_IsAValue()
    {
        var result = CliRunner.Run("cost", "--model=gpt-audio-mini", "--audio-in-seconds=60", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("\"total_usd\": 0.006");
    }
}
