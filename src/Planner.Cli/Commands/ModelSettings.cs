using System.ComponentModel;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary>Options of commands about one model, or every model when none is given.</summary>
public class ModelSettings : CatalogSettings
{
    [CommandOption("-m|--model <MODEL>")]
    [Description("Model id, alias or snapshot, e.g. gpt-audio-mini. The default value is every model in the catalog.")]
    public string? Model { get; init; }
}
