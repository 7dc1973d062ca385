using System.ComponentModel;
using Planner.Cli.Rendering;
using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Units;
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

        public override ValidationResult Validate()
        {
            if (!string.IsNullOrWhiteSpace(Models) && CliParse.List(Models).Count < 2)
            {
                return ValidationResult.Error("--models needs at least two models, e.g. --models gpt-audio,gpt-audio-mini (or leave it out to compare every active model)");
            }

            var requests = ValidateRequests(Requests);
            if (!requests.Successful)
            {
                return requests;
            }

            var shape = base.Validate();
            return shape.Successful && IsEmptyRequest ? EmptyRequest() : shape;
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var catalog = CatalogSource.Load(environment, settings);
        var at = settings.Instant(environment.Clock);
        var shape = settings.ToShape();
        var rows = new List<(Quote Quote, CostTotals Totals)>();
        var names = string.IsNullOrWhiteSpace(settings.Models)
            ? catalog.Models.Select(m => catalog.Resolve(m.Id)).Where(m => m.StatusAt(DateOnly.FromDateTime(at.UtcDateTime)) == LifecycleStatus.Active).Select(m => m.Model.Id).ToList()
            : CliParse.List(settings.Models);
        if (names.Count == 0)
        {
            throw new Planner.Core.PlannerException(Planner.Core.PlannerErrorKind.InvalidArgument, $"no model is active on {at:yyyy-MM-dd}; name the models with --models");
        }

        foreach (var name in names)
        {
            var model = catalog.Resolve(name);
            var usage = shape.ToUsage(settings.Rates(catalog.RatesFor(model.Model)));
            var quote = PricingEngine.Price(model, usage, at);
            var totals = new CostTotals();
            totals.Add(usage, quote.Cost, settings.Requests);
            rows.Add((quote, totals));
        }

        var baseline = rows[0].Totals.Total;
        var assumptions = new Assumptions().AddAudioRates(settings.Rates(catalog.AudioTokenRates), shape.UsesAudioRates);
        foreach (var (quote, _) in rows)
        {
            assumptions.AddCachedFallbacks(quote.Model.BillingId, quote.Prices, quote.Usage);
        }

        if (settings.Json)
        {
            JsonOutput.Write(environment.Out, w =>
            {
                w.WriteStartObject();
                w.WriteNumber("requests", settings.Requests);
                w.WriteString("baseline", rows[0].Quote.Model.Model.Id);
                w.WriteStartArray("models");
                foreach (var (quote, totals) in rows)
                {
                    w.WriteStartObject();
                    w.WriteString("model", quote.Model.Model.Id);
                    w.WriteStartObject("tokens");
                    CostCommand.WriteTokens(w, quote.Usage);
                    w.WriteEndObject();
                    w.WriteStartObject("breakdown_usd");
                    foreach (var meter in Meters.All)
                    {
                        w.WriteUsd(Meters.JsonName(meter), totals[meter]);
                    }

                    w.WriteEndObject();
                    w.WriteUsd("per_request_usd", quote.Cost.Total);
                    w.WriteUsd("total_usd", totals.Total);
                    if (baseline != Usd.Zero)
                    {
                        w.WriteDecimal("ratio_to_baseline", Math.Round(totals.Total / baseline, 6));
                    }
                    else
                    {
                        w.WriteNull("ratio_to_baseline");
                    }

                    w.WriteUsd("difference_usd", totals.Total - baseline);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                assumptions.WriteJson(w);
                w.WriteEndObject();
            });
            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("Meter");
        foreach (var (quote, _) in rows)
        {
            table.AddColumn(new TableColumn(Markup.Escape(quote.Model.Model.Id)).RightAligned());
        }

        foreach (var meter in Meters.All)
        {
            if (rows.TrueForAll(r => r.Quote.Usage[meter].Value == 0 && r.Quote.Prices.Listed(meter) is null))
            {
                continue;
            }

            table.AddRow([Meters.Label(meter), .. rows.Select(r => Format.Money(r.Totals[meter]))]);
        }

        table.AddRow(["[bold]Total[/]", .. rows.Select(r => $"[bold]{Format.Money(r.Totals.Total)}[/]")]);
        table.AddRow([$"Ratio to {Markup.Escape(rows[0].Quote.Model.Model.Id)}", .. rows.Select(r => baseline == Usd.Zero ? "n/a" : Format.Ratio(r.Totals.Total / baseline))]);
        environment.Console.MarkupLineInterpolated($"{Format.Count(settings.Requests)} request(s) of the same shape on {rows.Count} models");
        environment.Console.Write(table);
        assumptions.Render(environment.Console);
        return ExitCodes.Success;
    }
}
