using System.ComponentModel;
using System.Globalization;
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

/// <summary><c>planner call</c>: one voice call costed turn by turn, on Chat Completions (the history resent each
/// request) or Realtime (each Response re-bills the conversation, with cached input and truncation).</summary>
public sealed class CallCommand(CliEnvironment environment) : Command<CallCommand.Settings>
{
    public sealed class Settings : CallShapeSettings
    {
        [CommandOption("-m|--model <MODEL>")]
        [Description("Model id, alias or snapshot, e.g. gpt-realtime-2.1-mini or gpt-audio-mini.")]
        public string Model { get; init; } = "";

        /// <summary>Nothing here: <see cref="CallQuery.Validate"/> checks every field at once in Execute.</summary>
        public override ValidationResult Validate() => ValidationResult.Success();

        /// <summary>The command line as a query.</summary>
        public CallQuery ToQuery() => CallShapeInput.WithCall(this, new CallQuery { Model = Model, AudioInRate = AudioInRate, AudioOutRate = AudioOutRate, At = At });
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var query = settings.ToQuery();
        FieldFlags.ThrowIfAny(query.Validate());
        var result = CallService.Run(query, CatalogSource.Load(environment, settings), environment.Clock());
        if (settings.Json)
        {
            PlannerJson.Write(environment.Out, result, PlannerJson.Context.CallResult);
            return ExitCodes.Success;
        }

        Render(environment.Console, result);
        Assumptions.Render(environment.Console, result.Assumptions);
        return ExitCodes.Success;
    }

    /// <summary>The per-turn table, the per-meter table and the summary lines of a call.</summary>
    internal static void Render(IAnsiConsole console, CallResult call)
    {
        string api = call.Api == "realtime" ? "Realtime" : "Chat Completions";
        console.MarkupLineInterpolated($"[bold]{call.Model}[/] ({api}): {call.TurnCount:N0} turn(s) in {Format.Number(call.CallMinutes)} min");
        console.MarkupLineInterpolated($"Audio tokens a turn: {Format.Count(call.UserAudioTokensPerTurn)} user, {Format.Count(call.AssistantAudioTokensPerTurn)} assistant");
        bool truncates = call.TruncationTurn is not null;
        var table = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn("Turn").RightAligned())
            .AddColumn(new TableColumn("Input").RightAligned()).AddColumn(new TableColumn("Cached").RightAligned())
            .AddColumn(new TableColumn("Output").RightAligned()).AddColumn(new TableColumn("Cost").RightAligned())
            .AddColumn(new TableColumn("Cumulative").RightAligned());
        if (truncates)
        {
            table.AddColumn(new TableColumn("Kept from").RightAligned());
        }

        foreach (var turn in call.Turns)
        {
            var cells = new List<string>
            {
                Format.Count(turn.Turn), Format.Count(Sum(turn.Tokens, MeterDirection.Input)),
                Format.Count(turn.Tokens[Meter.CachedTextInput] + turn.Tokens[Meter.CachedAudioInput]), Format.Count(Sum(turn.Tokens, MeterDirection.Output)),
                Format.Usd(turn.TotalUsd), Format.Usd(turn.CumulativeUsd),
            };
            if (truncates)
            {
                cells.Add(turn.DroppedTurns > 0 ? $"[yellow]{turn.FirstRetainedTurn:N0}[/]" : Format.Count(turn.FirstRetainedTurn));
            }

            table.AddRow([.. cells]);
        }

        console.Write(table);

        var meters = new Table().Border(TableBorder.Rounded).AddColumn("Meter").AddColumn(new TableColumn("Tokens").RightAligned())
            .AddColumn(new TableColumn("Cost").RightAligned());
        foreach (var meter in Meters.All)
        {
            if (call.Tokens[meter] != 0 || call.CostUsd[meter].Value != 0)
            {
                meters.AddRow(Meters.Label(meter), Format.Count(call.Tokens[meter]), Format.Usd(call.CostUsd[meter]));
            }
        }

        meters.AddRow("[bold]Call[/]", Format.Count(call.Tokens.Total), $"[bold]{Format.Usd(call.TotalUsd)}[/]");
        console.Write(meters);
        console.MarkupLine(call.CostPerMinuteUsd is { } perMinute ? $"Per minute of call: [bold]{Format.UnitMoney(perMinute)}[/]" : "Per minute of call: n/a (the call has no length)");
        string share = (call.CacheHitShare / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
        console.MarkupLine($"Cache-hit share {share}: {Format.Usd(call.TotalUsd)}; at 0: {Format.Usd(call.TotalAtCacheHit0Usd)}; at 1: {Format.Usd(call.TotalAtCacheHit1Usd)}");
        console.MarkupLine(call.TruncationLimitTokens is { } limit
            ? call.TruncationTurn is { } first
                ? $"Truncation starts at turn {first:N0} (limit {Format.Count(limit)} tokens: context window less {Format.Count(call.MaxOutputTokens)} max output)."
                : $"The conversation never reaches the truncation limit ({Format.Count(limit)} tokens)."
            : "Chat Completions does not truncate; every turn fits the context window.");
        CallView.RenderWarnings(console, call.Warnings);
    }

    private static long Sum(MeterTokens tokens, MeterDirection direction)
    {
        long sum = 0;
        foreach (var meter in MeterTable.All)
        {
            if (meter.Direction == direction)
            {
                sum += tokens[meter.Meter];
            }
        }

        return sum;
    }
}
