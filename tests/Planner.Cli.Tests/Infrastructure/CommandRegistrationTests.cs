using Planner.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace Planner.Cli.Tests.Infrastructure;

public class CommandRegistrationTests
{
    [Fact]
    public void CommandTable_NamesAreUniqueAndEachHasSettings()
    {
        PlannerApp.Commands.Select(c => c.Name).Should().OnlyHaveUniqueItems().And.Contain(PlannerApp.CommandNames);
        foreach (var command in PlannerApp.Commands)
        {
            command.Settings.Should().BeAssignableTo<CommandSettings>(command.Name);
        }
    }

    [Theory]
    [InlineData(new[] { "cost", "--model", "gpt-audio" }, "cost")]
    [InlineData(new[] { "generate-trace" }, "generate-trace")]
    [InlineData(new[] { "--help" }, null)]
    [InlineData(new[] { "Cost" }, null)]
    [InlineData(new[] { "prise" }, null)]
    [InlineData(new string[0], null)]
    public void Named_IsTheFirstArgumentWhenItIsACommand(string[] args, string? expected) =>
        (PlannerApp.Named(args)?.Name).Should().Be(expected);

    [Fact]
    public void EveryCommandsHelp_ShowsItsOwnUsage_AndTheRootHelpListsThemAll()
    {
        // A named command registers its row alone (its help is built from that row); the root help registers every row.
        string root = CliRunner.Run("--help").Output;
        foreach (var command in PlannerApp.Commands)
        {
            var help = CliRunner.Run(command.Name, "--help");
            help.ExitCode.Should().Be(0, command.Name);
            help.Output.Should().Contain($"planner {command.Name} ", command.Name);
            root.Should().Contain("    " + command.Name + " ", command.Name);
        }
    }
}
