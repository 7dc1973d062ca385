using System.ComponentModel;
using Planner.Cli.Infrastructure;
using Planner.Cli.Rendering;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Contract.Services;
using Planner.Core.Simulation;
using Planner.Core.Traces;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary><c>planner recommend TRACE</c>: simulates every tier and returns the lowest that meets the objectives.</summary>
public sealed class RecommendCommand(CliEnvironment environment) : Command<RecommendCommand.Settings>
{
    public sealed class Settings : SimulationSettings
    {
        [CommandOption("--max-p99-delay <S>")]
        [Description("Under queue: the p99 queue delay a tier may have, in seconds. The default value is 1.")]
        [DefaultValue(1.0)]
        public double MaxP99Delay { get; init; } = 1;

        [CommandOption("--max-throttle-rate <F>")]
        [Description("Under retry: the fraction of requests a tier may throttle (none may be dropped). The default value is 0.01.")]
        [DefaultValue(SimulationDefaults.MaxThrottleRate)]
        public double MaxThrottleRate { get; init; } = SimulationDefaults.MaxThrottleRate;

        /// <summary>The command line as a query (checked at once in Execute).</summary>
        public RecommendQuery ToQuery() => WithSimulation(new RecommendQuery { MaxP99Delay = MaxP99Delay, MaxThrottleRate = MaxThrottleRate });
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var query = settings.ToQuery();
        FieldFlags.ThrowIfAny(query.Validate());
        var catalog = CatalogSource.Load(environment, settings);
        var options = query.ToTraceOptions(catalog, forSimulation: true, environment.Clock());
        var simulation = RecommendService.Options(query);
        var objectives = query.ToObjectives();
        var rejections = new TraceRejections();
        using var reader = settings.OpenReader(environment, catalog, options, rejections);
        var recommendation = TraceProgress.Run(environment, reader, progress => TierRecommender.Recommend(reader, catalog, simulation, objectives, progress));
        var result = RecommendService.FromRecommendation(query, catalog, reader, recommendation);
        Warnings.Print(environment, result.Warnings);
        if (settings.Json)
        {
            PlannerJson.Write(environment.Out, result, PlannerJson.Context.RecommendResult);
            return ExitCodes.Success;
        }

        Render(environment.Console, result);
        return ExitCodes.Success;
    }

    /// <summary>The tables of a recommendation: rows, every tier, the choice and the monthly usage limit.</summary>
    internal static void Render(IAnsiConsole console, RecommendResult result)
    {
        TraceReport.RenderRows(console, result);
        var table = new Table().Border(TableBorder.Rounded).Title($"Every tier, on limit: {result.OnLimit}")
            .AddColumn("Tier").AddColumn(new TableColumn("Completed").RightAligned()).AddColumn(new TableColumn("Dropped").RightAligned())
            .AddColumn(new TableColumn("Throttled").RightAligned()).AddColumn(new TableColumn("p99 delay (s)").RightAligned())
            .AddColumn(new TableColumn("Max delay (s)").RightAligned()).AddColumn("Meets?");
        foreach (var r in result.Tiers)
        {
            bool runs = r.Completed is not null;
            table.AddRow(r.Tier, runs ? Format.Count(r.Completed!.Value) : "-", runs ? Format.Count(r.Dropped!.Value) : "-",
                runs ? $"{Format.Count(r.ThrottledRequests!.Value)} ({Format.Number((decimal)r.ThrottleRate!.Value * 100, 2)}%)" : "-",
                runs ? SimulationReport.Seconds(r.QueueDelayP99Seconds!.Value) : "-", runs ? SimulationReport.Seconds(r.QueueDelayMaxSeconds!.Value) : "-",
                r.MeetsObjectives ? "[green]yes[/]" : "no");
        }

        console.Write(table);

        // The reasons are sentences: under the table, one a tier, they wrap as prose instead of squeezing seven number columns.
        foreach (var r in result.Tiers)
        {
            console.MarkupLineInterpolated($"{r.Tier}: {r.Reason}");
        }

        if (result.RecommendedTier is not null)
        {
            console.MarkupLineInterpolated($"[bold]Recommended: {result.Headline}[/]");
            console.MarkupLineInterpolated($"{result.RecommendedTierName} qualification: {result.RecommendedTierQualification}");
        }
        else
        {
            console.MarkupLineInterpolated($"[bold]No tier suffices[/]: {result.Reason}");
        }

        if (result.MonthlyProjectionUsd is { } projection)
        {
            string fit = result.FitsMonthlyUsageLimit switch
            {
                true => $"fits under {result.RecommendedTierName}'s monthly usage limit of {Format.UsdCents(result.RecommendedTierMonthlyUsageLimitUsd!.Value)}",
                false => $"exceeds {result.RecommendedTierName}'s monthly usage limit of {Format.UsdCents(result.RecommendedTierMonthlyUsageLimitUsd!.Value)}",
                null => "",
            };
            string where = result.MonthlyUsageLimitTier is not null
                ? $"; the lowest tier whose limit it fits under is {result.MonthlyUsageLimitTierName} ({Format.UsdCents(result.MonthlyUsageLimitTierUsd!.Value)})"
                : "; it fits under no tier's monthly usage limit";
            string spend = $"Projected 30-day spend {Format.UsdCents(projection)}";
            console.MarkupLineInterpolated($"{spend}{(fit.Length > 0 ? " " + fit : "")}{where}");
        }

        Assumptions.Render(console, result.Assumptions);
    }
}
