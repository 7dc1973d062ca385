using System.ComponentModel;
using Planner.Cli.Infrastructure;
using Planner.Cli.Rendering;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Services;
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

        /// <summary>The files and the output format; <see cref="ReconcileQuery.Validate"/> checks every field at once in Execute.</summary>
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

            if (Format is { } f && f is not ("table" or "json" or "markdown"))
            {
                problems.Add($"--format must be table, json or markdown, got '{f}'");
            }

            return problems.Count > 0 ? ValidationResult.Error(string.Join("; ", problems)) : base.Validate();
        }

        /// <summary>The command line as a query.</summary>
        public ReconcileQuery ToQuery() => new()
        {
            Tolerance = Tolerance,
            UsageFormat = UsageFormat,
            UsageInputTokens = UsageInputTokens,
            SkipInvalid = SkipInvalid,
        };
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var query = settings.ToQuery();
        FieldFlags.ThrowIfAny(query.Validate());
        var catalog = CatalogSource.Load(environment, settings);
        var billed = CostsPages.Read(settings.Costs!);
        var rejections = new TraceRejections();
        using var usage = UsageFormats.Open(settings.Usage!, catalog, query.ToTraceOptions(environment.Clock()), rejections);
        var result = ReconcileService.Run(query, catalog, usage, settings.Costs!, billed);
        Warnings.Print(environment, result.Warnings);
        string format = settings.Json ? "json" : settings.Format ?? "table";
        switch (format)
        {
            case "json":
                PlannerJson.Write(environment.Out, result, PlannerJson.Context.ReconcileResult);
                break;
            case "markdown":
                environment.Out.Write(ReconcileReport.Markdown(result));
                break;
            default:
                TraceReport.RenderRows(environment.Console, result);
                ReconcileReport.Render(environment.Console, result);
                Assumptions.Render(environment.Console, result.Assumptions);
                break;
        }

        return result.Matches ? ExitCodes.Success : ExitCodes.CheckFailed;
    }
}
