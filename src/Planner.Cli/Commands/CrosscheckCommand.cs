using System.ComponentModel;
using System.Globalization;
using Planner.Cli.Infrastructure;
using Planner.Cli.Rendering;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Contract.Services;
using Planner.Core.Crosscheck;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary><c>planner crosscheck</c>: Planner's catalog against LiteLLM's and genai-prices' data files.</summary>
public sealed class CrosscheckCommand(CliEnvironment environment) : Command<CrosscheckCommand.Settings>
{
    public sealed class Settings : CatalogSettings
    {
        [CommandOption("--litellm <FILE>")]
        [Description("LiteLLM's model_prices_and_context_window.json (downloaded by you; Planner never fetches anything).")]
        public string? LiteLlm { get; init; }

        [CommandOption("--genai-prices <FILE>")]
        [Description("pydantic genai-prices' prices/data.json.")]
        public string? GenAiPrices { get; init; }

        [CommandOption("--at <ISO-DATE>")]
        [Description("Compare the prices in effect on this date. The default value is today.")]
        public string? At { get; init; }

        /// <summary>The reference files; <see cref="CrosscheckQuery.Validate"/> checks every field at once in Execute.</summary>
        public override ValidationResult Validate() =>
            LiteLlm is null && GenAiPrices is null ? ValidationResult.Error("give --litellm FILE, --genai-prices FILE, or both") : ValidationResult.Success();

        /// <summary>The command line as a query.</summary>
        public CrosscheckQuery ToQuery() => new() { At = At };
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var query = settings.ToQuery();
        FieldFlags.ThrowIfAny(query.Validate());
        var catalog = CatalogSource.Load(environment, settings);
        var now = environment.Clock();
        var references = new List<ReferenceCatalog>();
        if (settings.LiteLlm is { } litellm)
        {
            references.Add(LiteLlmReader.Read(litellm));
        }

        if (settings.GenAiPrices is { } genai)
        {
            references.Add(GenAiPricesReader.Read(genai, query.Day(now)));
        }

        var result = CrosscheckService.Run(query, catalog, references, now);
        Warnings.Print(environment, result.Warnings);
        if (settings.Json)
        {
            PlannerJson.Write(environment.Out, result, PlannerJson.Context.CrosscheckResult);
        }
        else
        {
            Render(environment.Console, result);
        }

        return result.Agrees ? ExitCodes.Success : ExitCodes.CheckFailed;
    }

    /// <summary>The lines and table of a crosscheck, from the record.</summary>
    internal static void Render(IAnsiConsole console, CrosscheckResult result)
    {
        console.MarkupLineInterpolated(
            $"Crosscheck on {result.At:yyyy-MM-dd} against {string.Join(" and ", result.Sources.Select(r => r.Source))}: {result.Compared} model(s) and snapshot(s)");
        console.MarkupLineInterpolated($"Prices in USD per 1M tokens, equal within ${result.ToleranceUsdPer1m.ToString(CultureInfo.InvariantCulture)}.");
        if (result.Agrees)
        {
            console.MarkupLine("[green]No disagreement.[/]");
        }
        else
        {
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("Source").AddColumn("Model").AddColumn("Field")
                .AddColumn(new TableColumn("Planner").RightAligned()).AddColumn(new TableColumn("Theirs").RightAligned());
            foreach (var d in result.Disagreements)
            {
                table.AddRow(Markup.Escape(d.Source), Markup.Escape(d.Model), Markup.Escape(d.Label), Markup.Escape(d.Planner), Markup.Escape(d.Reference));
            }

            console.Write(table);
            console.MarkupLineInterpolated($"[red]{result.Disagreements.Count} disagreement(s).[/]");
        }

        foreach (var n in result.NotListed)
        {
            console.MarkupLineInterpolated($"{n.Source} does not list {n.Model} (not a disagreement).");
        }
    }
}
