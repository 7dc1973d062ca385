using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace Planner.Cli.Infrastructure;

/// <summary>Spectre's help, with the documented exit codes under every command's help.</summary>
internal sealed class PlannerHelpProvider(ICommandAppSettings settings) : HelpProvider(settings)
{
    /// <summary>The footer: what each exit code means (the same table as the README's).</summary>
    public const string ExitCodes =
        "EXIT CODES:\n" +
        "    0     success\n" +
        "    1     a check failed: a diff threshold crossed, or a catalog that disagrees with its golden snapshot\n" +
        "    2     invalid input or usage (one line on stderr names what is wrong)\n" +
        "    70    an internal error (a bug; one line on stderr, never a stack trace)";

    public override IEnumerable<IRenderable> GetFooter(ICommandModel model, ICommandInfo? command) =>
        [.. base.GetFooter(model, command), Text.NewLine, new Text(ExitCodes), Text.NewLine];
}
