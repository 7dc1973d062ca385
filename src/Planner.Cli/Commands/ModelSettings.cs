using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary>Options of commands about one model.</summary>
public class ModelSettings : CatalogSettings
{
    [CommandOption("-m|--model <MODEL>")]
    [Description("Model id, alias or snapshot, e.g. gpt-audio-mini.")]
    public string Model { get; init; } = "";

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Model) ? ValidationResult.Error("--model is required, e.g. --model gpt-audio-mini") : ValidationResult.Success();
}
