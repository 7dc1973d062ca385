using System.ComponentModel;
using System.Globalization;
using Planner.Cli.Rendering;
using Planner.Core;
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

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Log) ? ValidationResult.Error("a response log or Realtime events file is required")
            : Format is { } f && f is not (ResponseLogSource.FormatKey or RealtimeEventSource.FormatKey)
                ? ValidationResult.Error($"--format must be response-log or realtime-events, got '{f}'")
                : base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var catalog = CatalogSource.Load(environment, settings);
        var options = new TraceOptions
        {
            SkipInvalid = settings.SkipInvalid,
            Format = settings.Format,
            ModelOverride = settings.ModelOverride,
            UntimedOrigin = new DateTimeOffset(environment.Clock().UtcDateTime.Date, TimeSpan.Zero),
        };
        var rejections = new TraceRejections();
        using var opened = UsageFormats.Open(settings.Log, catalog, options, rejections);
        if (opened is not JsonLinesSource source)
        {
            throw new PlannerException(PlannerErrorKind.InvalidTrace,
                $"{settings.Log}: calibrate reads a response log or Realtime events, not {opened.Format}: only they carry one request's usage with its details");
        }

        var result = Calibrator.Measure(source);
        var flags = Flags(result);
        if (settings.Json)
        {
            JsonOutput.Write(environment.Out, w =>
            {
                w.WriteStartObject();
                TraceReport.WriteRowsJson(w, settings.Log, source.RowsRead, rejections);
                w.WriteString("format", source.Format);
                w.WriteNumber("events_skipped", source.Skipped);
                w.WriteNumber("requests", result.Requests);
                Number(w, "audio_input_tokens_per_second", result.AudioInputTokensPerSecond);
                w.WriteNumber("audio_input_lines", result.AudioInputLines);
                Number(w, "audio_output_tokens_per_second", result.AudioOutputTokensPerSecond);
                w.WriteNumber("audio_output_lines", result.AudioOutputLines);
                Number(w, "cache_hit_share", result.CacheHitShare);
                w.WriteNumber("cacheable_responses", result.CacheableResponses);
                Number(w, "cached_input_share", result.CachedInputShare);
                Number(w, "max_tokens_used", result.MaxTokensUsed);
                w.WriteNumber("max_tokens_requests", result.MaxTokensRequests);
                w.WriteString("options", string.Join(' ', flags));
                w.WriteEndObject();
            });
            return ExitCodes.Success;
        }

        var console = environment.Console;
        TraceReport.RenderRows(console, source.RowsRead, rejections);
        if (source.Skipped > 0)
        {
            console.MarkupLineInterpolated($"Skipped {source.Skipped:N0} other event(s): {string.Join(", ", source.SkippedByType.Select(p => $"{p.Key} {p.Value:N0}"))}");
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
        console.MarkupLine(flags.Count == 0
            ? "Nothing to calibrate: the log has no audio durations, no Realtime sessions and no max_tokens."
            : "Use: " + Markup.Escape(string.Join(' ', flags)));
        return ExitCodes.Success;
    }

    private static List<string> Flags(Calibration c)
    {
        var flags = new List<string>();
        if (c.AudioInputTokensPerSecond is { } i)
        {
            flags.Add("--audio-in-rate " + i.ToString("0.##", CultureInfo.InvariantCulture));
        }

        if (c.AudioOutputTokensPerSecond is { } o)
        {
            flags.Add("--audio-out-rate " + o.ToString("0.##", CultureInfo.InvariantCulture));
        }

        if (c.CacheHitShare is { } h)
        {
            flags.Add("--cache-hit " + h.ToString("0.##", CultureInfo.InvariantCulture));
        }

        return flags;
    }

    private static string Show(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

    private static void Number(System.Text.Json.Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, Math.Round(v, 6));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
