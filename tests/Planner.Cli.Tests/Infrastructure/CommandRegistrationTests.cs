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

    [Fact]
    public void EachRowsSettings_IsItsCommandsTypeArgument_AndItsNameIsTheCommandsTypeName()
    {
        // The table names TSettings beside TCommand (so a trimmed build keeps its options); it must be the one Spectre binds.
        foreach (var command in PlannerApp.Commands)
        {
            var baseType = command.Command.BaseType!;
            baseType.GetGenericTypeDefinition().Should().Be(typeof(Command<>), command.Name);
            command.Settings.Should().Be(baseType.GetGenericArguments()[0], command.Name);
            string kebab = string.Concat(command.Command.Name[..^"Command".Length].Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));
            command.Name.Should().Be(kebab);
        }
    }

    [Fact]
    public void EveryCommandAndEveryConcreteSettingsTypeOfTheCli_IsInTheTable()
    {
        // ArgumentCheck reads options from the table, not from every type of the assembly (which a trimmed build may not
        // keep): the same options only while no command or settings type is left out of it.
        var types = typeof(PlannerApp).Assembly.GetTypes().Where(t => !t.IsAbstract).ToList();
        var commands = types.Where(t => t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(Command<>));
        var settings = types.Where(t => t.IsSubclassOf(typeof(CommandSettings)));

        PlannerApp.Commands.Select(c => c.Command).Should().BeEquivalentTo(commands);
        settings.Where(s => !PlannerApp.Commands.Any(c => s.IsAssignableFrom(c.Settings))).Should().BeEmpty("every settings type is some command's or a base of one");
        types.Count(t => t.IsSubclassOf(typeof(CommandSettings))).Should().BeGreaterThan(20);
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
