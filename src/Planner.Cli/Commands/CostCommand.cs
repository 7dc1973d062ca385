using System.ComponentModel;
using Planner.Cli.Rendering;
using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Units;
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

        protected override ValidationResult ValidateOptions() => ValidateRequests(Requests);
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var catalog = CatalogSource.Load(environment, settings);
        var model = catalog.Resolve(settings.Model);
        var rates = settings.Rates(catalog.RatesFor(model.Model));
        var shape = settings.ToShape();
        var usage = shape.ToUsage(rates);
        var quote = PricingEngine.Price(model, usage, settings.Instant(environment.Clock));
        var totals = new CostTotals();
        totals.Add(usage, quote.Cost, settings.Requests);
        var assumptions = new Assumptions().AddAudioRates(rates, shape.UsesAudioRates).AddCachedFallbacks(model.BillingId, quote.Prices, usage);

        if (settings.Json)
        {
            JsonOutput.Write(environment.Out, w =>
            {
                w.WriteStartObject();
                w.WriteString("model", model.Model.Id);
                if (model.Snapshot is not null)
                {
                    w.WriteString("snapshot", model.Snapshot.Id);
                }

                w.WriteNumber("requests", settings.Requests);
                w.WriteString("prices_effective_from", quote.Prices.EffectiveFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                w.WriteStartObject("tokens");
                WriteTokens(w, usage);
                w.WriteEndObject();
                w.WriteStartObject("breakdown_usd");
                foreach (var meter in Meters.All)
                {
                    w.WriteUsd(Meters.JsonName(meter), totals[meter]);
                }

                w.WriteEndObject();
                w.WriteStartObject("per_request_breakdown_usd");
                foreach (var meter in Meters.All)
                {
                    w.WriteUsd(Meters.JsonName(meter), quote.Cost[meter]);
                }

                w.WriteEndObject();
                w.WriteUsd("per_request_usd", quote.Cost.Total);
                w.WriteUsd("total_usd", totals.Total);
                assumptions.WriteJson(w);
                w.WriteEndObject();
            });
            return ExitCodes.Success;
        }

        var console = environment.Console;
        console.MarkupLineInterpolated($"[bold]{model.BillingId}[/]: {Format.Count(settings.Requests)} request(s), prices in effect from {quote.Prices.EffectiveFrom:yyyy-MM-dd}");
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Meter").AddColumn(new TableColumn("Tokens / request").RightAligned())
            .AddColumn(new TableColumn("USD / 1M").RightAligned()).AddColumn(new TableColumn("Per request").RightAligned())
            .AddColumn(new TableColumn("Total").RightAligned());
        foreach (var meter in Meters.All)
        {
            if (usage[meter].Value == 0 && quote.Prices.Listed(meter) is null)
            {
                continue;
            }

            table.AddRow(Meters.Label(meter), Format.Count(usage[meter].Value), Format.Price(quote.Prices[meter]),
                Format.Money(quote.Cost[meter]), Format.Money(totals[meter]));
        }

        table.AddRow("[bold]Total[/]", Format.Count(usage.TotalTokens.Value), "", $"[bold]{Format.Money(quote.Cost.Total)}[/]", $"[bold]{Format.Money(totals.Total)}[/]");
        console.Write(table);
        assumptions.Render(console);
        return ExitCodes.Success;
    }

    internal static void WriteTokens(System.Text.Json.Utf8JsonWriter w, in Usage usage)
    {
        foreach (var meter in Meters.All)
        {
            w.WriteNumber(Meters.JsonName(meter), usage[meter].Value);
        }
    }
}
