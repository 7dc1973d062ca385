namespace Planner.Cli.Tests;

public class StartupTests
{
    [Theory]
    [InlineData(new[] { "--version" }, true)]
    [InlineData(new[] { "-v" }, true)]
    [InlineData(new[] { "cost", "--version" }, false)]
    [InlineData(new string[0], false)]
    public void IsVersionRequest_OnlyTheBareVersionFlag(string[] args, bool expected) =>
        PlannerApp.IsVersionRequest(args).Should().Be(expected);

    [Fact]
    public void FastVersion_PrintsWhatTheCommandLinePrints()
    {
        // Program.cs answers --version before building the command table; it must print the same line.
        CliRunner.Run("--version").Output.Trim().Should().Be(PlannerApp.Version);
    }
}
