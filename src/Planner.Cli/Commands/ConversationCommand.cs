using System.ComponentModel;
using Planner.Cli.Infrastructure;
using Planner.Cli.Rendering;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Contract.Services;
using Planner.Core.Catalog;
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

        /// <summary>Nothing here: <see cref="ConversationQuery.Validate"/> checks every field at once in Execute.</summary>
        public override ValidationResult Validate() => ValidationResult.Success();

        /// <summary>The command line as a query.</summary>
        public ConversationQuery ToQuery() => new()
        {
            Model = Model,
            Turns = Turns,
            UserAudioSeconds = UserAudioSeconds,
            AssistantAudioSeconds = AssistantAudioSeconds,
            SystemTextTokens = SystemTextTokens,
            AudioInRate = AudioInRate,
            AudioOutRate = AudioOutRate,
            At = At,
        };
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var query = settings.ToQuery();
        FieldFlags.ThrowIfAny(query.Validate());
        var result = ConversationService.Run(query, CatalogSource.Load(environment, settings), environment.Clock());
        Warnings.Print(environment, result.Warnings);
        if (settings.Json)
        {
            PlannerJson.Write(environment.Out, result, PlannerJson.Context.ConversationResult);
            return ExitCodes.Success;
        }

        Render(environment.Console, result);
        return ExitCodes.Success;
    }

    /// <summary>Each turn's tokens and cost, the total and whether the context window overflows.</summary>
    internal static void Render(IAnsiConsole console, ConversationResult result)
    {
        console.MarkupLineInterpolated($"[bold]{result.Model}[/]: {result.Turns.Count} turn(s), user {Format.Count(result.UserAudioTokensPerTurn)} and assistant {Format.Count(result.AssistantAudioTokensPerTurn)} audio tokens a turn, the history resent each turn");
        var table = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn("Turn").RightAligned())
            .AddColumn(new TableColumn("Text in").RightAligned()).AddColumn(new TableColumn("Audio in").RightAligned())
            .AddColumn(new TableColumn("Audio out").RightAligned()).AddColumn(new TableColumn("Cost").RightAligned())
            .AddColumn(new TableColumn("Cumulative").RightAligned());
        foreach (var turn in result.Turns)
        {
            table.AddRow(Format.Count(turn.Turn), Format.Count(turn.Tokens[Meter.TextInput]), Format.Count(turn.Tokens[Meter.AudioInput]),
                Format.Count(turn.Tokens[Meter.AudioOutput]), Format.Money(turn.CostUsd), Format.Money(turn.CumulativeUsd));
        }

        table.AddRow("[bold]Total[/]", Format.Count(result.Tokens[Meter.TextInput]), Format.Count(result.Tokens[Meter.AudioInput]),
            Format.Count(result.Tokens[Meter.AudioOutput]), $"[bold]{Format.Money(result.TotalUsd)}[/]", "");
        console.Write(table);
        console.MarkupLine(result.ContextOverflowTurn is { } o
            ? $"The context window ({Format.Count(result.ContextWindow)} tokens) would overflow at turn {Format.Count(o)}."
            : "The context window never overflows.");
        Assumptions.Render(console, result.Assumptions);
    }
}
