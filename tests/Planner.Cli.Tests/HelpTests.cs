namespace Planner.Cli.Tests;

public class HelpTests
{
    public static TheoryData<string> Commands() => new() { "cost", "models", "limits", "capacity", "compare", "price", "simulate", "recommend", "generate-trace", "project", "conversation", "diff", "verify" };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_EveryCommand_HasExamplesAndExitsZero(string command)
    {
        var result = CliRunner.Run(command, "--help");

        result.ExitCode.Should().Be(0);
        result.Output.Should().Contain("USAGE:").And.Contain("EXAMPLES:").And.Contain("planner " + command)
            .And.Contain("EXIT CODES:").And.Contain("2     invalid input or usage");
    }

    [Fact]
    public void Help_Root_ListsTheCommands()
    {
        var result = CliRunner.Run("--help");

        result.ExitCode.Should().Be(0);
        foreach (var command in Commands())
        {
            result.Output.Should().Contain(command);
        }
    }

    [Fact]
    public void Version_PrintsTheVersionAndExitsZero()
    {
        var result = CliRunner.Run("--version");

        result.ExitCode.Should().Be(0);
        result.Output.Should().StartWith("0.1.0");
    }
}
