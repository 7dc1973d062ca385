using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary>A model and a request shape or a call: what <see cref="ModelRequestSettings"/> is for one request, with the call
/// options beside it (capacity takes either).</summary>
public abstract class ModelRequestOrCallSettings : RequestOrCallSettings
{
    [CommandOption("-m|--model <MODEL>")]
    [Description("Model id, alias or snapshot, e.g. gpt-audio-mini.")]
    public string Model { get; init; } = "";

    /// <summary>Nothing here: the command validates its query (every field at once) in Execute.</summary>
    public sealed override ValidationResult Validate() => ValidationResult.Success();
}
