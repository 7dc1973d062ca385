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

/// <summary><c>planner cost</c>: the exact cost of K requests of one shape, per meter and in total.</summary>
public sealed class CostCommand(CliEnvironment environment) : Command<CostCommand.Settings>
{
    public sealed class Settings : ModelRequestSettings
    {
        [CommandOption("--requests <K>")]
        [Description("How many requests of this shape. The default value is 1. Must be 1 to 10^12.")]
        [DefaultValue(1L)]
        public long Requests { get; init; } = 1;

        /// <summary>Nothing here: <see cref="CostQuery.Validate"/> checks every field at once in Execute.</summary>
        public override ValidationResult Validate() => ValidationResult.Success();

        /// <summary>The command line as a query.</summary>
        public CostQuery ToQuery() => WithShape(new CostQuery { Model = Model, Requests = Requests });
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var query = settings.ToQuery();
        FieldFlags.ThrowIfAny(query.Validate());
        var catalog = CatalogSource.Load(environment, settings);
        var result = CostService.Run(query, catalog, environment.Clock());
        Warnings.Print(environment, result.Warnings);
        if (settings.Json)
        {
            PlannerJson.Write(environment.Out, result, PlannerJson.Context.CostResult);
            return ExitCodes.Success;
        }

        Render(environment.Console, result);
        return ExitCodes.Success;
    }

    /// <summary>The table of a cost result: one row per meter the model prices or the request uses, and the total.</summary>
    internal static void Render(IAnsiConsole console, CostResult result)
    {
        console.MarkupLineInterpolated($"[bold]{result.BillingId}[/]: {Format.Count(result.Requests)} request(s), prices in effect from {result.PricesEffectiveFrom:yyyy-MM-dd}");
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Meter").AddColumn(new TableColumn("Tokens / request").RightAligned())
            .AddColumn(new TableColumn("USD / 1M").RightAligned()).AddColumn(new TableColumn("Per request").RightAligned())
            .AddColumn(new TableColumn("Total").RightAligned());
        foreach (var meter in Meters.All)
        {
            if (result.PricesUsdPer1m[meter] is not { } price)
            {
                continue;
            }

            table.AddRow(Meters.Label(meter), Format.Count(result.Tokens[meter]), Format.Price(price),
                Format.Money(result.PerRequestBreakdownUsd[meter]), Format.Money(result.BreakdownUsd[meter]));
        }

        table.AddRow("[bold]Total[/]", Format.Count(result.Tokens.Total), "", $"[bold]{Format.Money(result.PerRequestUsd)}[/]", $"[bold]{Format.Money(result.TotalUsd)}[/]");
        console.Write(table);
        Assumptions.Render(console, result.Assumptions);
    }
}
