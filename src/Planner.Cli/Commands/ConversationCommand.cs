using System.ComponentModel;
using System.Globalization;
using Planner.Cli.Rendering;
using Planner.Core.Catalog;
using Planner.Core.Conversations;
using Planner.Core.Pricing;
using Planner.Core.Units;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary><c>planner conversation</c>: a multi-turn voice conversation costed turn by turn, every turn resending the history.</summary>
public sealed class ConversationCommand(CliEnvironment environment) : Command<ConversationCommand.Settings>
{
    public sealed class Settings : CatalogSettings
    {
        [CommandOption("-m|--model <MODEL>")]
        [Description("Model id, alias or snapshot, e.g. gpt-audio-mini.")]
        public string Model { get; init; } = "";

        [CommandOption("--turns <N>")]
        [Description("Turns (a user message and an assistant reply each). Must be 1 to 100,000.")]
        public int Turns { get; init; }

        [CommandOption("--user-audio-seconds <A>")]
        [Description("Seconds of user audio each turn. Must be >= 0.")]
        public decimal UserAudioSeconds { get; init; }

        [CommandOption("--assistant-audio-seconds <B>")]
        [Description("Seconds of assistant audio each turn. Must be >= 0.")]
        public decimal AssistantAudioSeconds { get; init; }

        [CommandOption("--system-text-tokens <T>")]
        [Description("System prompt tokens sent every turn. The default value is 0.")]
        public long SystemTextTokens { get; init; }

        [CommandOption("--audio-in-rate <TOKENS_PER_SECOND>")]
        [Description("Override the assumed user audio rate. The default value is the catalog's (10 tokens/s).")]
        public decimal? AudioInRate { get; init; }

        [CommandOption("--audio-out-rate <TOKENS_PER_SECOND>")]
        [Description("Override the assumed assistant audio rate. The default value is the catalog's (20 tokens/s).")]
        public decimal? AudioOutRate { get; init; }

        [CommandOption("--at <ISO-DATE>")]
        [Description("Price with the prices in effect at this date or instant. The default value is now.")]
        public string? At { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Model))
            {
                return ValidationResult.Error("--model is required, e.g. --model gpt-audio-mini");
            }

            if (Turns is < 1 or > ConversationSpec.MaxTurns)
            {
                return ValidationResult.Error($"--turns must be 1 to 100,000, got {Turns}");
            }

            foreach (var (name, value) in new[] { ("--user-audio-seconds", UserAudioSeconds), ("--assistant-audio-seconds", AssistantAudioSeconds) })
            {
                if (!AudioDuration.TryFromSeconds(value, out _, out var error))
                {
                    return ValidationResult.Error($"{name} {error}, got {value.ToString(CultureInfo.InvariantCulture)}");
                }
            }

            if (SystemTextTokens is < 0 or > TokenCount.MaxPerRequest)
            {
                return ValidationResult.Error($"--system-text-tokens must be a token count from 0 to {TokenCount.MaxPerRequest:N0} (what one request can carry), got {SystemTextTokens.ToString(CultureInfo.InvariantCulture)}");
            }

            foreach (var (name, value) in new[] { ("--audio-in-rate", AudioInRate), ("--audio-out-rate", AudioOutRate) })
            {
                if (value is { } rate && !AudioTokenRate.TryFromTokensPerSecond(rate, out _, out var error))
                {
                    return ValidationResult.Error($"{name} {error}, got {rate.ToString(CultureInfo.InvariantCulture)}");
                }
            }

            return At is not null && !CliParse.TryInstant(At, out _)
                ? ValidationResult.Error($"--at must be an ISO-8601 date or instant such as 2025-11-01 or 2025-11-01T12:00:00Z, got '{At}'")
                : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var catalog = CatalogSource.Load(environment, settings);
        var model = catalog.Resolve(settings.Model);
        var rates = Rates(catalog.RatesFor(model.Model), settings);
        var at = settings.At is not null && CliParse.TryInstant(settings.At, out var given) ? given : environment.Clock();
        var prices = PricingEngine.PricesAt(model, at);
        var plan = ConversationPlanner.Plan(model.Model, prices, new ConversationSpec
        {
            Turns = settings.Turns,
            UserAudio = AudioDuration.FromSeconds(settings.UserAudioSeconds),
            AssistantAudio = AudioDuration.FromSeconds(settings.AssistantAudioSeconds),
            SystemTextTokens = new TokenCount(settings.SystemTextTokens),
        }, rates);
        var assumptions = new Assumptions().AddAudioRates(rates, used: true)
            .Add("history", "resent every turn", "turn k's input is the system text, all earlier user and assistant audio and the new user audio; assistant audio counts at the output rate wherever it appears");

        if (settings.Json)
        {
            JsonOutput.Write(environment.Out, w =>
            {
                w.WriteStartObject();
                w.WriteString("model", model.BillingId);
                w.WriteNumber("user_audio_tokens_per_turn", plan.UserTokensPerTurn.Value);
                w.WriteNumber("assistant_audio_tokens_per_turn", plan.AssistantTokensPerTurn.Value);
                w.WriteStartArray("turns");
                foreach (var turn in plan.Turns)
                {
                    w.WriteStartObject();
                    w.WriteNumber("turn", turn.Turn);
                    w.WriteStartObject("tokens");
                    CostCommand.WriteTokens(w, turn.Usage);
                    w.WriteEndObject();
                    w.WriteUsd("cost_usd", turn.Cost.Total);
                    w.WriteUsd("cumulative_usd", turn.CumulativeCost);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartObject("tokens");
                CostCommand.WriteTokens(w, plan.Usage);
                w.WriteEndObject();
                w.WriteUsd("total_usd", plan.Total);
                if (plan.OverflowTurn is { } overflow)
                {
                    w.WriteNumber("context_overflow_turn", overflow);
                }
                else
                {
                    w.WriteNull("context_overflow_turn");
                }

                assumptions.WriteJson(w);
                w.WriteEndObject();
            });
            return ExitCodes.Success;
        }

        var console = environment.Console;
        console.MarkupLineInterpolated($"[bold]{model.BillingId}[/]: {settings.Turns} turn(s), user {Format.Count(plan.UserTokensPerTurn.Value)} and assistant {Format.Count(plan.AssistantTokensPerTurn.Value)} audio tokens a turn, the history resent each turn");
        var table = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn("Turn").RightAligned())
            .AddColumn(new TableColumn("Text in").RightAligned()).AddColumn(new TableColumn("Audio in").RightAligned())
            .AddColumn(new TableColumn("Audio out").RightAligned()).AddColumn(new TableColumn("Cost").RightAligned())
            .AddColumn(new TableColumn("Cumulative").RightAligned());
        foreach (var turn in plan.Turns)
        {
            table.AddRow(Format.Count(turn.Turn), Format.Count(turn.Usage.TextInput.Value), Format.Count(turn.Usage.AudioInput.Value),
                Format.Count(turn.Usage.AudioOutput.Value), Format.Money(turn.Cost.Total), Format.Money(turn.CumulativeCost));
        }

        table.AddRow("[bold]Total[/]", Format.Count(plan.Usage.TextInput.Value), Format.Count(plan.Usage.AudioInput.Value),
            Format.Count(plan.Usage.AudioOutput.Value), $"[bold]{Format.Money(plan.Total)}[/]", "");
        console.Write(table);
        console.MarkupLine(plan.OverflowTurn is { } o
            ? $"The context window ({Format.Count(model.Model.ContextWindow.Value)} tokens) would overflow at turn {Format.Count(o)}."
            : "The context window never overflows.");
        assumptions.Render(console);
        return ExitCodes.Success;
    }

    private static AudioTokenRates Rates(AudioTokenRates catalogRates, Settings settings)
    {
        if (settings.AudioInRate is null && settings.AudioOutRate is null)
        {
            return catalogRates;
        }

        return catalogRates with
        {
            Input = settings.AudioInRate is { } i ? AudioTokenRate.FromTokensPerSecond(i) : catalogRates.Input,
            Output = settings.AudioOutRate is { } o ? AudioTokenRate.FromTokensPerSecond(o) : catalogRates.Output,
            Source = catalogRates.Source with { IsAssumption = true, Note = "overridden on the command line" },
        };
    }
}
