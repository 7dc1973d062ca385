using Planner.Cli.Rendering;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Contract.Services;
using Planner.Core.Catalog;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary><c>planner limits</c>: a model's (or every model's) usage tiers with RPM, TPM, monthly usage limits and qualifications.</summary>
public sealed class LimitsCommand(CliEnvironment environment) : Command<ModelSettings>
{
    public override int Execute(CommandContext context, ModelSettings settings, CancellationToken cancellationToken)
    {
        var query = new LimitsQuery { Model = settings.Model };
        var result = LimitsService.Run(query, CatalogSource.Load(environment, settings), environment.Clock());
        if (settings.Json)
        {
            // One model named: that model's object alone (as before the contract); otherwise every model.
            if (query.Model is not null)
            {
                PlannerJson.Write(environment.Out, result.Models[0], PlannerJson.Context.LimitsModel);
            }
            else
            {
                PlannerJson.Write(environment.Out, result, PlannerJson.Context.LimitsResult);
            }

            return ExitCodes.Success;
        }

        foreach (var model in result.Models)
        {
            Render(environment.Console, model);
        }

        return ExitCodes.Success;
    }

    /// <summary>One model's tiers as a table, with the sources under it.</summary>
    internal static void Render(IAnsiConsole console, LimitsModel model)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"{model.Model}: usage tiers on {model.TiersOn:yyyy-MM-dd}")
            .AddColumn("Tier").AddColumn(new TableColumn("RPM").RightAligned()).AddColumn(new TableColumn("TPM").RightAligned())
            .AddColumn(new TableColumn("Monthly usage limit").RightAligned()).AddColumn("Qualification");
        foreach (var t in model.Tiers)
        {
            table.AddRow(
                TierName.Parse(t.Tier).DisplayName,
                t.Rpm is { } rpm ? Format.Count(rpm) : "not supported",
                t.Tpm is { } tpm ? Format.Count(tpm) : "",
                Format.Usd(t.MonthlyUsageLimitUsd),
                Markup.Escape(t.Qualification));
        }

        console.Write(table);
        if (model.Tiers.Count > 0 && model.Tiers[0] is { } first)
        {
            console.MarkupLineInterpolated($"RPM/TPM: {first.Source}{(first.Assumption ? " (assumption: " + first.AssumptionNote + ")" : "")}");
            console.MarkupLineInterpolated($"Usage limits: {first.UsageLimitSource}");
        }
    }
}
