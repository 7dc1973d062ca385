using System.ComponentModel;
using Planner.Core.Catalog.Json;
using Planner.Core.Sql;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary><c>planner sql --dialect D</c>: prints the self-contained query that prices a usage table in a warehouse.</summary>
public sealed class SqlCommand(CliEnvironment environment) : Command<SqlCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--dialect <DIALECT>")]
        [Description("The SQL engine: duckdb, spark, bigquery, snowflake or postgres.")]
        public string? Dialect { get; init; }

        [CommandOption("--table <NAME>")]
        [Description("The usage table (any FROM item: project.dataset.usage, read_parquet('logs/*.parquet')). The default value is usage.")]
        public string Table { get; init; } = "usage";

        [CommandOption("--columns <MAPPING>")]
        [Description("Where each field is: a preset (planner, openai-usage, openai-usage-text-only) and/or field=expression pairs, comma-separated: 'openai-usage,model=lower(llm_model)'. The default value is planner (the trace format's column names).")]
        public string? Columns { get; init; }

        [CommandOption("--grain <GRAIN>")]
        [Description("Group by day, or by day and hour. The default value is day.")]
        public string Grain { get; init; } = "day";

        [CommandOption("--catalog <PATH>")]
        [Description("Catalog file to use. The default value is the bundled data/catalog.json.")]
        public string? Catalog { get; init; }

        public override ValidationResult Validate()
        {
            var problems = new List<string>();
            if (Dialect is null)
            {
                problems.Add($"--dialect is required: {string.Join(", ", SqlDialects.All.Select(d => d.Name))}");
            }
            else if (SqlDialects.Find(Dialect) is null)
            {
                problems.Add($"--dialect: unknown dialect '{Dialect}'; dialects: {string.Join(", ", SqlDialects.All.Select(d => d.Name))}");
            }

            if (!Enum.TryParse<SqlGrain>(Grain, ignoreCase: true, out _) || int.TryParse(Grain, out _))
            {
                problems.Add($"--grain: must be day or hour, got '{Grain}'");
            }

            if (string.IsNullOrWhiteSpace(Table))
            {
                problems.Add("--table: needs a table name");
            }

            if (Columns is not null)
            {
                UsageColumns.Parse(Columns, UsageColumns.Planner, out var errors);
                problems.AddRange(errors.Select(e => "--" + e));
            }

            return problems.Count > 0 ? ValidationResult.Error(string.Join("; ", problems)) : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var catalog = CatalogJson.Load(settings.Catalog ?? environment.DefaultCatalogPath);
        var columns = settings.Columns is null ? UsageColumns.Planner : UsageColumns.Parse(settings.Columns, UsageColumns.Planner, out _)!;
        var options = new PricingQueryOptions
        {
            Table = settings.Table,
            Columns = columns,
            Grain = Enum.Parse<SqlGrain>(settings.Grain, ignoreCase: true),
        };
        environment.Out.Write(PricingQuery.Generate(catalog, SqlDialects.Find(settings.Dialect!)!, options));
        return ExitCodes.Success;
    }
}
