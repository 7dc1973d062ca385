using System.ComponentModel;
using Planner.Cli.Rendering;
using Planner.Core.Ingest;
using Planner.Core.Traces;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary><c>planner reconcile --usage USAGE --costs COSTS</c>: the usage priced per day, model and meter beside
/// what OpenAI billed (Costs API pages); exit 1 when a difference passes the tolerance.</summary>
public sealed class ReconcileCommand(CliEnvironment environment) : Command<ReconcileCommand.Settings>
{
    public sealed class Settings : CatalogSettings
    {
        [CommandOption("--usage <USAGE>")]
        [Description("The usage: Usage API pages, a response log, Realtime events or a CSV (docs/usage-formats.md).")]
        public string? Usage { get; init; }

        [CommandOption("--costs <COSTS>")]
        [Description("What OpenAI billed: Costs API pages grouped by line_item (a file, JSONL of pages, or a directory).")]
        public string? Costs { get; init; }

        [CommandOption("--tolerance <USD_OR_PCT>")]
        [Description("How far a line item or day may differ: USD (0.01) or a percentage of the bill (0.5%). The default value is 0.01.")]
        public string? Tolerance { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("table, json or markdown (for a CI comment). The default value is table.")]
        public string? Format { get; init; }

        [CommandOption("--usage-format <FORMAT>")]
        [Description("Read the usage as this format instead of detecting it.")]
        public string? UsageFormat { get; init; }

        [CommandOption("--usage-input-tokens <DEFINITION>")]
        [Description("What a Usage API input_tokens counts: text or all. The default is detected from the numbers, else all.")]
        public string? UsageInputTokens { get; init; }

        [CommandOption("--skip-invalid")]
        [Description("Count and list bad usage rows and go on, instead of stopping at the first with exit 2.")]
        public bool SkipInvalid { get; init; }

        public override ValidationResult Validate()
        {
            var problems = new List<string>();
            if (string.IsNullOrWhiteSpace(Usage))
            {
                problems.Add("--usage is required (Usage API pages, a response log or a CSV)");
            }

            if (string.IsNullOrWhiteSpace(Costs))
            {
                problems.Add("--costs is required (Costs API pages grouped by line_item)");
            }

            if (Tolerance is { } t && !Planner.Core.Ingest.Tolerance.TryParse(t, out _, out string? error))
            {
                problems.Add($"--tolerance {error}");
            }

            if (Format is { } f && f is not ("table" or "json" or "markdown"))
            {
                problems.Add($"--format must be table, json or markdown, got '{f}'");
            }

            if (UsageFormat is { } u && !UsageFormats.All.Any(x => x.Key == u))
            {
                problems.Add($"--usage-format must be one of {UsageFormats.Keys}, got '{u}'");
            }

            if (UsageInputTokens is { } d && d is not ("text" or "all"))
            {
                problems.Add($"--usage-input-tokens must be text or all, got '{d}'");
            }

            return problems.Count > 0 ? ValidationResult.Error(string.Join("; ", problems)) : base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var catalog = CatalogSource.Load(environment, settings);
        var tolerance = Tolerance.Default;
        if (settings.Tolerance is { } t)
        {
            Tolerance.TryParse(t, out tolerance, out _);
        }

        var billed = CostsPages.Read(settings.Costs!);
        var options = new TraceOptions
        {
            SkipInvalid = settings.SkipInvalid,
            Format = settings.UsageFormat,
            InputTokens = settings.UsageInputTokens switch { "text" => InputTokensDefinition.TextOnly, "all" => InputTokensDefinition.AllModalities, _ => null },
            UntimedOrigin = new DateTimeOffset(environment.Clock().UtcDateTime.Date, TimeSpan.Zero),
        };
        var rejections = new TraceRejections();
        using var usage = UsageFormats.Open(settings.Usage!, catalog, options, rejections);
        var result = Reconciler.Reconcile(usage, billed, catalog, tolerance);
        var assumptions = new Assumptions().AddSource(usage);
        string format = settings.Json ? "json" : settings.Format ?? "table";
        switch (format)
        {
            case "json":
                ReconcileReport.WriteJson(environment.Out, settings.Usage!, settings.Costs!, usage.RowsRead, rejections, result, assumptions);
                break;
            case "markdown":
                environment.Out.Write(ReconcileReport.Markdown(result));
                break;
            default:
                TraceReport.RenderRows(environment.Console, usage.RowsRead, rejections);
                ReconcileReport.Render(environment.Console, result);
                assumptions.Render(environment.Console);
                break;
        }

        return result.Matches ? ExitCodes.Success : ExitCodes.CheckFailed;
    }
}
