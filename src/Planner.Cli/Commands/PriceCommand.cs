using System.ComponentModel;
using Planner.Cli.Infrastructure;
using Planner.Cli.Rendering;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Contract.Services;
using Planner.Core;
using Planner.Core.Catalog;
using Planner.Core.Traces;
using Planner.DuckDb;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary><c>planner price TRACE</c>: the exact cost of a trace with the prices in effect at each row's timestamp.</summary>
public sealed class PriceCommand(CliEnvironment environment) : Command<PriceCommand.Settings>
{
    /// <summary>The streaming reader (the default).</summary>
    public const string StreamingEngine = PriceQuery.StreamingEngine;

    /// <summary>DuckDB in-process (CSV, Parquet, JSON, globs, every core).</summary>
    public const string DuckDbEngine = PriceQuery.DuckDbEngine;

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

        /// <summary>The file arguments only; <see cref="PriceQuery.Validate"/> checks every field at once in Execute.</summary>
        public override ValidationResult Validate()
        {
            if (Engine == StreamingEngine && MoreFiles.Length > 0)
            {
                return ValidationResult.Error($"the streaming engine reads one trace, got {MoreFiles.Length + 1} files; price several files or globs with --engine {DuckDbEngine}");
            }

            return base.Validate();
        }

        /// <summary>The group-by a --by value stands for, or null.</summary>
        internal static UsageGroupBy? GroupBy(string by) => PriceQuery.ParseGroupBy(by);

        /// <summary>The command line as a query.</summary>
        public PriceQuery ToQuery() => WithTrace(new PriceQuery { By = By, Engine = Engine });
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var query = settings.ToQuery();
        FieldFlags.ThrowIfAny(query.Validate());
        var catalog = CatalogSource.Load(environment, settings);
        var result = settings.Engine == DuckDbEngine ? PriceDuckDb(settings, query, catalog) : PriceStreaming(settings, query, catalog);
        Warnings.Print(environment, result.Warnings);
        if (settings.Json)
        {
            PlannerJson.Write(environment.Out, result, PlannerJson.Context.PriceResult);
            return ExitCodes.Success;
        }

        Render(environment.Console, result);
        return ExitCodes.Success;
    }

    private PriceResult PriceStreaming(Settings settings, PriceQuery query, ModelCatalog catalog)
    {
        var options = query.ToTraceOptions(catalog, forSimulation: false, environment.Clock());
        var rejections = new TraceRejections();
        using var reader = settings.OpenReader(environment, catalog, options, rejections);
        var costs = new TraceCosts();
        UsageGroupBy? groupBy = query.GroupBy;
        GroupedCosts? groups = groupBy is { } g ? new GroupedCosts(reader, g, costs) : null;
        // A large CSV trace is read in chunks on every core, each into its own exact sums, merged in file order. Without
        // groups the sink is the sums themselves: the reader adds each row's cost as it parses it (no request built).
        TraceProgress.Run(environment, reader, progress => groupBy is null
            ? reader.ReadAllInChunks(_ => new TraceCosts(), (chunk, _) => costs.Add(chunk), progress)
            : reader.ReadAllInChunks(
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
        return PriceService.FromSource(query, catalog, reader, costs, groups);
    }

    private static PriceResult PriceDuckDb(Settings settings, PriceQuery query, ModelCatalog catalog)
    {
        string[] files = [settings.Trace, .. settings.MoreFiles];
        var priced = DuckDbPricer.Price(catalog, files, new DuckDbPriceOptions { ModelOverride = query.ModelOverride });
        if (priced.Rejections.Count > 0 && !query.SkipInvalid)
        {
            // The engine knows reasons, not lines: name them, and where to find the lines.
            string reasons = string.Join(", ", priced.Rejections.ByReason.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value:N0}"));
            throw new PlannerException(PlannerErrorKind.InvalidTrace,
                $"{string.Join(", ", files)}: {priced.Rejections.Count:N0} row(s) rejected ({reasons}); price the rest with --skip-invalid, or find their lines with the streaming engine");
        }

        var assumptions = new AssumptionList().AddCachedFallbacks(catalog, priced.Costs);
        return PriceService.Build(query, catalog, string.Join(", ", files), priced.RowsRead, priced.Rejections, priced.Costs, groups: null, assumptions, DuckDbEngine);
    }

    /// <summary>The tables of a price result: rows, rejections, costs and the groups.</summary>
    internal static void Render(IAnsiConsole console, PriceResult result)
    {
        TraceReport.RenderRows(console, result);
        if (result.Engine is { } engine && result.RowsRejected > 0)
        {
            console.MarkupLine($"(the {engine} engine counts rejected rows by reason; the streaming engine lists their lines)");
        }

        TraceReport.RenderCosts(console, result);
        if (result.By is { } groups)
        {
            TraceReport.RenderGroups(console, groups, result);
        }

        Assumptions.Render(console, result.Assumptions);
    }
}
