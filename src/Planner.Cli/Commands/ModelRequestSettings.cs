using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary>A model and a request shape: the options cost and capacity share.</summary>
public abstract class ModelRequestSettings : RequestShapeSettings
{
    [CommandOption("-m|--model <MODEL>")]
    [Description("Model id, alias or snapshot, e.g. gpt-audio-mini.")]
    public string Model { get; init; } = "";

    /// <summary>Checks --model, then the command's own options, then the request shape, in that order. A command on
    /// the output contract validates its query instead (every problem at once) and overrides this.</summary>
    public override ValidationResult Validate()
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
        return shape.Successful && IsEmptyRequest ? EmptyRequest() : shape;
    }

    /// <summary>The command's own options; success by default.</summary>
    protected virtual ValidationResult ValidateOptions() => ValidationResult.Success();
}
