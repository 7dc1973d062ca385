using Planner.Cli.Infrastructure;

namespace Planner.Cli.Tests.Infrastructure;

public class ArgumentCheckTests
{
    [Fact]
    public void EveryOptionName_TakesAValueInEveryCommandOrInNone()
    {
        // MissingValue answers a named command's own options from its settings alone; that agrees with the union over
        // every command only while no option name takes a value in one command and is a flag in another.
        var seen = new Dictionary<string, (bool TakesValue, string Where)>(StringComparer.Ordinal);
        var conflicts = new List<string>();
        foreach (var settings in ArgumentCheck.SettingsTypes())
        {
            foreach (var (name, takesValue) in ArgumentCheck.OptionsOf(settings))
            {
                if (seen.TryGetValue(name, out var first) && first.TakesValue != takesValue)
                {
                    conflicts.Add($"{name}: {(first.TakesValue ? "takes a value" : "is a flag")} in {first.Where}, {(takesValue ? "takes a value" : "is a flag")} in {settings.FullName}");
                }

                seen.TryAdd(name, (takesValue, settings.FullName!));
            }
        }

        seen.Should().ContainKey("--model").And.ContainKey("--json");
        conflicts.Should().BeEmpty();
    }

    [Fact]
    public void MissingValue_ForTheNamedCommand_AgreesWithEveryCommandsOptions()
    {
        foreach (var command in PlannerApp.Commands)
        {
            foreach (string option in ArgumentCheck.OptionsOf(command.Settings).Keys)
            {
                foreach (string[] args in (string[][])[[command.Name, option], [command.Name, option, "--json"], [command.Name, option + "="], [command.Name, option, "-"]])
                {
                    ArgumentCheck.MissingValue(args, command.Settings).Should().Be(ArgumentCheck.MissingValue(args), string.Join(' ', args));
                }
            }
        }
    }

    [Theory]
    [InlineData(new[] { "cost", "--model" }, "--model needs a value")]
    [InlineData(new[] { "cost", "--tier" }, "--tier needs a value")]
    [InlineData(new[] { "cost", "--json", "--model", "gpt-audio" }, null)]
    [InlineData(new[] { "cost", "--text-in", "-5" }, null)]
    public void MissingValue_ReadsOptionsOfOtherCommandsToo(string[] args, string? expected)
    {
        // --tier is not an option of cost: it is still known to need a value (as before the named command's fast path).
        ArgumentCheck.MissingValue(args, PlannerApp.Named(args)!.Settings).Should().Be(expected);
    }
}
