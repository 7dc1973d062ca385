using System.ComponentModel;
using Planner.Cli.Rendering;
using Planner.Core.Calls;
using Planner.Core.Pricing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary><c>planner call</c>: one voice call costed turn by turn, on Chat Completions (the history resent each
/// request) or Realtime (each Response re-bills the conversation, with cached input and truncation).</summary>
public sealed class CallCommand(CliEnvironment environment) : Command<CallCommand.Settings>
{
    public sealed class Settings : CallShapeSettings
    {
        [CommandOption("-m|--model <MODEL>")]
        [Description("Model id, alias or snapshot, e.g. gpt-realtime-2.1-mini or gpt-audio-mini.")]
        public string Model { get; init; } = "";

        public override ValidationResult Validate()
        {
            var own = base.Validate();
            if (string.IsNullOrWhiteSpace(Model))
            {
                string missing = "--model is required, e.g. --model gpt-realtime-2.1-mini";
                return ValidationResult.Error(own.Successful ? missing : missing + "; " + own.Message);
            }

            return own;
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var catalog = CatalogSource.Load(environment, settings);
        var model = catalog.Resolve(settings.Model);
        var rates = CallRates.Apply(catalog.RatesFor(model.Model), settings.AudioInRate, settings.AudioOutRate);
        var at = settings.At is not null && CliParse.TryInstant(settings.At, out var given) ? given : environment.Clock();
        var prices = PricingEngine.PricesAt(model, at);
        var plan = CallPlanner.Plan(model, prices, CallShapeInput.ToShape(settings), CallShapeInput.ToOptions(settings), rates, DateOnly.FromDateTime(at.UtcDateTime));
        var assumptions = CallView.Add(new Assumptions().AddAudioRates(rates, used: true), plan);
        if (settings.Json)
        {
            JsonOutput.Write(environment.Out, w =>
            {
                w.WriteStartObject();
                CallView.WriteJson(w, plan);
                assumptions.WriteJson(w);
                w.WriteEndObject();
            });
            return ExitCodes.Success;
        }

        CallView.Render(environment.Console, plan);
        assumptions.Render(environment.Console);
        return ExitCodes.Success;
    }
}
