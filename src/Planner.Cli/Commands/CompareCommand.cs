using System.ComponentModel;
using Planner.Cli.Infrastructure;
using Planner.Cli.Rendering;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Contract.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary><c>planner compare</c>: the same request on several models side by side, with ratios to the first.</summary>
public sealed class CompareCommand(CliEnvironment environment) : Command<CompareCommand.Settings>
{
    public sealed class Settings : RequestShapeSettings
    {
        [CommandOption("--models <A,B>")]
        [Description("Comma-separated models; the first is the baseline for ratios. The default value is every model active at --at, in catalog order.")]
        public string Models { get; init; } = "";

        [CommandOption("--requests <K>")]
        [Description("How many requests of this shape. The default value is 1. Must be 1 to 10^12.")]
        [DefaultValue(1L)]
        public long Requests { get; init; } = 1;

        /// <summary>Nothing here: <see cref="CompareQuery.Validate"/> checks every field at once in Execute.</summary>
        public override ValidationResult Validate() => ValidationResult.Success();

        /// <summary>The command line as a query.</summary>
        public CompareQuery ToQuery() => WithShape(new CompareQuery { Models = CliParse.List(Models), Requests = Requests });
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var query = settings.ToQuery();
        FieldFlags.ThrowIfAny(query.Validate());
        var result = CompareService.Run(query, CatalogSource.Load(environment, settings), environment.Clock());
        Warnings.Print(environment, result.Warnings);
        if (settings.Json)
        {
            PlannerJson.Write(environment.Out, result, PlannerJson.Context.CompareResult);
            return ExitCodes.Success;
        }

        Render(environment.Console, result);
        return ExitCodes.Success;
    }

    /// <summary>The models side by side: one row per meter any of them prices or the request uses, the totals and the ratios.</summary>
    internal static void Render(IAnsiConsole console, CompareResult result)
    {
        var rows = result.Models;
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Meter");
        foreach (var row in rows)
        {
            table.AddColumn(new TableColumn(Markup.Escape(row.Model)).RightAligned());
        }

        foreach (var meter in Meters.All)
        {
            if (rows.All(r => r.PricesUsdPer1m[meter] is null))
            {
                continue;
            }

            table.AddRow([Meters.Label(meter), .. rows.Select(r => Format.Money(r.BreakdownUsd[meter]))]);
        }

        table.AddRow(["[bold]Total[/]", .. rows.Select(r => $"[bold]{Format.Money(r.TotalUsd)}[/]")]);
        table.AddRow([$"Ratio to {Markup.Escape(result.Baseline)}", .. rows.Select(r => r.RatioToBaseline is { } ratio ? Format.Ratio(ratio) : "n/a")]);
        console.MarkupLineInterpolated($"{Format.Count(result.Requests)} request(s) of the same shape on {rows.Count} models");
        console.Write(table);
        Assumptions.Render(console, result.Assumptions);
    }
}
