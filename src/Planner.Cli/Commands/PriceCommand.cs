using System.ComponentModel;
using Planner.Cli.Rendering;
using Planner.Core.Traces;
using Planner.DuckDb;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary><c>planner price TRACE</c>: the exact cost of a trace with the prices in effect at each row's timestamp.</summary>
public sealed class PriceCommand(CliEnvironment environment) : Command<PriceCommand.Settings>
{
    /// <summary>The streaming reader (the default).</summary>
    public const string StreamingEngine = "streaming";

    /// <summary>DuckDB in-process (CSV, Parquet, JSON, globs, every core).</summary>
    public const string DuckDbEngine = "duckdb";

    public sealed class Settings : TraceSettings
    {
        [CommandOption("--by <FIELD>")]
        [Description("Also report the cost per project, api_key, user or model (exact per group; the groups add up to the total).")]
        public string? By { get; init; }

        [CommandArgument(1, "[MORE_FILES]")]
        [Description("More files or globs (with --engine duckdb).")]
        public string[] MoreFiles { get; init; } = [];

        [CommandOption("--engine <ENGINE>")]
        [Description("streaming (one CSV trace, read as a stream) or duckdb (CSV, Parquet or JSON files and globs, on every core, in DuckDB). The default value is streaming.")]
        public string Engine { get; init; } = StreamingEngine;

        public override ValidationResult Validate()
        {
            if (Engine is not (StreamingEngine or DuckDbEngine))
            {
                return ValidationResult.Error($"--engine: must be {StreamingEngine} or {DuckDbEngine}, got '{Engine}'");
            }

            if (Engine == StreamingEngine && MoreFiles.Length > 0)
            {
                return ValidationResult.Error($"the streaming engine reads one trace, got {MoreFiles.Length + 1} files; price several files or globs with --engine {DuckDbEngine}");
            }

            if (Engine == DuckDbEngine && (AudioInRate is not null || AudioOutRate is not null))
            {
                return ValidationResult.Error($"--audio-in-rate and --audio-out-rate convert audio seconds, which --engine {DuckDbEngine} does not read; use the streaming engine");
            }

            if (By is { } by && GroupBy(by) is null)
            {
                return ValidationResult.Error($"--by must be project, api_key, user or model, got '{by}'");
            }

            return base.Validate();
        }

        internal static UsageGroupBy? GroupBy(string by) => by switch
        {
            "project" => UsageGroupBy.Project,
            "api_key" => UsageGroupBy.ApiKey,
            "user" => UsageGroupBy.User,
            "model" => UsageGroupBy.Model,
            _ => null,
        };
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var catalog = CatalogSource.Load(environment, settings);
        if (settings.Engine == DuckDbEngine)
        {
            return ExecuteDuckDb(settings, catalog);
        }

        var options = settings.ToTraceOptions(catalog, forSimulation: false, today: environment.Clock());
        var rejections = new TraceRejections();
        using var reader = settings.OpenReader(environment, catalog, options, rejections);
        var costs = new TraceCosts();
        UsageGroupBy? groupBy = settings.By is { } by ? Settings.GroupBy(by)!.Value : null;
        GroupedCosts? groups = groupBy is { } g ? new GroupedCosts(reader, g, costs) : null;
        // A large CSV trace is read in chunks on every core, each into its own exact sums, merged in file order.
        TraceProgress.Run(environment, reader, progress => reader.ReadAllInChunks(
            chunk => new PriceSums(chunk, groupBy),
            (sums, _) =>
            {
                costs.Add(sums.Costs);
                if (sums.Groups is not null)
                {
                    groups!.AddGroups(sums.Groups);
                }
            },
            progress));
        var assumptions = TraceReport.AudioAssumptions(reader, options, catalog).AddCachedFallbacks(catalog, costs);
        return Render(settings, catalog, settings.Trace, reader.RowsRead, rejections, costs, assumptions, engine: null, groups);
    }

    private int ExecuteDuckDb(Settings settings, Planner.Core.Catalog.ModelCatalog catalog)
    {
        string[] files = [settings.Trace, .. settings.MoreFiles];
        var result = DuckDbPricer.Price(catalog, files, new DuckDbPriceOptions { ModelOverride = settings.ModelOverride });
        if (result.Rejections.Count > 0 && !settings.SkipInvalid)
        {
            // The engine knows reasons, not lines: name them, and where to find the lines.
            string reasons = string.Join(", ", result.Rejections.ByReason.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value:N0}"));
            throw new Planner.Core.PlannerException(Planner.Core.PlannerErrorKind.InvalidTrace,
                $"{string.Join(", ", files)}: {result.Rejections.Count:N0} row(s) rejected ({reasons}); price the rest with --skip-invalid, or find their lines with the streaming engine");
        }

        var assumptions = new Assumptions().AddCachedFallbacks(catalog, result.Costs);
        return Render(settings, catalog, string.Join(", ", files), result.RowsRead, result.Rejections, result.Costs, assumptions, DuckDbEngine);
    }

    private int Render(Settings settings, Planner.Core.Catalog.ModelCatalog catalog, string trace, long rowsRead, TraceRejections rejections,
        TraceCosts costs, Assumptions assumptions, string? engine, GroupedCosts? groups = null)
    {
        var warnings = new Warnings().ForTrace(catalog, costs);
        warnings.Print(environment);
        if (settings.Json)
        {
            JsonOutput.Write(environment.Out, w =>
            {
                w.WriteStartObject();
                TraceReport.WriteRowsJson(w, trace, rowsRead, rejections);
                if (engine is not null)
                {
                    w.WriteString("engine", engine);
                }

                if (settings.ModelOverride is { } model)
                {
                    w.WriteString("model_override", model);
                }

                TraceReport.WriteCostsJson(w, costs);
                if (groups is not null)
                {
                    TraceReport.WriteGroupsJson(w, settings.By!, groups);
                }

                warnings.WriteJson(w);
                assumptions.WriteJson(w);
                w.WriteEndObject();
            });
            return ExitCodes.Success;
        }

        var console = environment.Console;
        TraceReport.RenderRows(console, rowsRead, rejections);
        if (engine is not null && rejections.Count > 0)
        {
            console.MarkupLine($"(the {engine} engine counts rejected rows by reason; the streaming engine lists their lines)");
        }

        TraceReport.RenderCosts(console, costs);
        if (groups is not null)
        {
            TraceReport.RenderGroups(console, settings.By!, groups, costs.Totals);
        }

        assumptions.Render(console);
        return ExitCodes.Success;
    }
}
