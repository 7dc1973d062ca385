using System.ComponentModel;
using System.Globalization;
using Planner.Cli.Infrastructure;
using Planner.Cli.Rendering;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Contract.Services;
using Planner.Core.Ingest;
using Planner.Core.Traces;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary><c>planner calibrate LOG</c>: what a response log or Realtime events measure of the assumptions
/// (audio tokens per second, cache-hit share, max_tokens use), printed as the options other commands take.</summary>
public sealed class CalibrateCommand(CliEnvironment environment) : Command<CalibrateCommand.Settings>
{
    public sealed class Settings : CatalogSettings
    {
        [CommandArgument(0, "<LOG>")]
        [Description("A response log or Realtime events (JSONL; docs/usage-formats.md).")]
        public string Log { get; init; } = "";

        [CommandOption("--format <FORMAT>")]
        [Description("Read the log as response-log or realtime-events instead of detecting it.")]
        public string? Format { get; init; }

        [CommandOption("--skip-invalid")]
        [Description("Count and list bad lines and go on, instead of stopping at the first with exit 2.")]
        public bool SkipInvalid { get; init; }

        [CommandOption("--model-override <MODEL>")]
        [Description("The model of every line (for events without a session.created).")]
        public string? ModelOverride { get; init; }

        /// <summary>The log argument; <see cref="CalibrateQuery.Validate"/> checks every field at once in Execute.</summary>
        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Log) ? ValidationResult.Error("a response log or Realtime events file is required")
            : Log == TraceSettings.StandardInputName ? ValidationResult.Error("calibrate reads a file; standard input ('-') is read only by price, simulate and recommend")
            : base.Validate();

        /// <summary>The command line as a query.</summary>
        public CalibrateQuery ToQuery() => new() { Format = Format, SkipInvalid = SkipInvalid, ModelOverride = ModelOverride };
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var query = settings.ToQuery();
        FieldFlags.ThrowIfAny(query.Validate());
        var catalog = CatalogSource.Load(environment, settings);
        using var source = UsageFormats.Open(settings.Log, catalog, query.ToTraceOptions(environment.Clock()), new TraceRejections());
        var result = CalibrateService.Run(query, source);
        Warnings.Print(environment, result.Warnings);
        if (settings.Json)
        {
            PlannerJson.Write(environment.Out, result, PlannerJson.Context.CalibrateResult);
            return ExitCodes.Success;
        }

        Render(environment.Console, result);
        return ExitCodes.Success;
    }

    /// <summary>The tables of a calibration, from the record.</summary>
    internal static void Render(IAnsiConsole console, CalibrateResult result)
    {
        TraceReport.RenderRows(console, result);
        if (result.EventsSkipped > 0)
        {
            console.MarkupLineInterpolated($"Skipped {result.EventsSkipped:N0} other event(s): {string.Join(", ", result.SkippedByType.Select(p => $"{p.Key} {p.Value:N0}"))}");
        }

        var table = new Table().RoundedBorder().Title("Measured from the log");
        table.AddColumn("Figure");
        table.AddColumn(new TableColumn("Value").RightAligned());
        table.AddColumn("From");
        table.AddRow("Audio input tokens / s", Show(result.AudioInputTokensPerSecond, "0.##"), $"{result.AudioInputLines:N0} lines with input_audio_seconds");
        table.AddRow("Audio output tokens / s", Show(result.AudioOutputTokensPerSecond, "0.##"), $"{result.AudioOutputLines:N0} lines with output_audio_seconds");
        table.AddRow("Cache-hit share", Show(result.CacheHitShare, "0.###"), $"{result.CacheableResponses:N0} Responses after a session's first");
        table.AddRow("Cached share of input", Show(result.CachedInputShare, "0.###"), $"{result.Requests:N0} requests");
        table.AddRow("Output / max_tokens", Show(result.MaxTokensUsed, "0.###"), $"{result.MaxTokensRequests:N0} requests with max_tokens");
        console.Write(table);
        console.MarkupLine(result.Options.Length == 0
            ? "Nothing to calibrate: the log has no audio durations, no Realtime sessions and no max_tokens."
            : "Use: " + Markup.Escape(result.Options));
    }

    private static string Show(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
