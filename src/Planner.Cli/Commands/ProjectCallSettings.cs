using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary>The call and lifecycle options of <c>project</c>: <see cref="CallVolumeSettings"/> and what to do at a model's shutdown.</summary>
public abstract class ProjectCallSettings : CallVolumeSettings
{
    [CommandOption("--migrate-to <MODEL>")]
    [Description("Where traffic moves when its model shuts down inside the horizon. The default value is OpenAI's recommended replacement.")]
    public string? MigrateTo { get; init; }

    [CommandOption("--no-migrate")]
    [Description("Stop (exit 2) instead of moving traffic when its model shuts down inside the horizon.")]
    public bool NoMigrate { get; init; }

    protected override IEnumerable<string> MoreProblems() =>
        NoMigrate && MigrateTo is not null ? ["give --migrate-to or --no-migrate, not both"] : [];
}
