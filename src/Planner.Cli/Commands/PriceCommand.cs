using Planner.Cli.Rendering;
using Planner.Core.Traces;
using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary><c>planner price TRACE</c>: the exact cost of a trace with the prices in effect at each row's timestamp.</summary>
public sealed class PriceCommand(CliEnvironment environment) : Command<PriceCommand.Settings>
{
    public sealed class Settings : TraceSettings
    {
        [CommandOption("--by <FIELD>")]
        [Description("Also report the cost per project, api_key, user or model (exact per group; the groups add up to the total).")]
        public string? By { get; init; }

        public override ValidationResult Validate() =>
            By is { } by && GroupBy(by) is null
                ? ValidationResult.Error($"--by must be project, api_key, user or model, got '{by}'")
                : base.Validate();

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
        var options = settings.ToTraceOptions(catalog, forSimulation: false, today: environment.Clock());
        var rejections = new TraceRejections();
        using var reader = settings.OpenReader(environment, catalog, options, rejections);
        var costs = new TraceCosts();
        GroupedCosts? groups = settings.By is { } by ? new GroupedCosts(reader, Settings.GroupBy(by)!.Value, costs) : null;
        TraceProgress.Run(environment, reader, progress => groups is null ? reader.ReadAll(costs, progress) : reader.ReadAll(groups, progress));
        var assumptions = TraceReport.AudioAssumptions(reader, options, catalog).AddCachedFallbacks(catalog, costs);

        if (settings.Json)
        {
            JsonOutput.Write(environment.Out, w =>
            {
                w.WriteStartObject();
                TraceReport.WriteRowsJson(w, settings.Trace, reader.RowsRead, rejections);
                if (settings.ModelOverride is { } model)
                {
                    w.WriteString("model_override", model);
                }

                TraceReport.WriteCostsJson(w, costs);
                if (groups is not null)
                {
                    TraceReport.WriteGroupsJson(w, settings.By!, groups);
                }

                assumptions.WriteJson(w);
                w.WriteEndObject();
            });
            return ExitCodes.Success;
        }

        var console = environment.Console;
        TraceReport.RenderRows(console, reader.RowsRead, rejections);
        TraceReport.RenderCosts(console, costs);
        if (groups is not null)
        {
            TraceReport.RenderGroups(console, settings.By!, groups, costs.Totals);
        }

        assumptions.Render(console);
        return ExitCodes.Success;
    }
}
