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

    /// <summary>Checks --model, then the command's own options, then the request shape or call, in that order.</summary>
    public sealed override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Model))
        {
            return ValidationResult.Error("--model is required, e.g. --model gpt-audio-mini");
        }

        var own = ValidateOptions();
        if (!own.Successful)
        {
            return own;
        }

        var shape = base.Validate();
        return shape.Successful && !IsCall && IsEmptyRequest ? EmptyRequest() : shape;
    }

    /// <summary>The command's own options; success by default.</summary>
    protected virtual ValidationResult ValidateOptions() => ValidationResult.Success();
}
