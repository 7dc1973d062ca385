using System.ComponentModel;
using System.Globalization;
using Planner.Cli.Rendering;
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

        public override ValidationResult Validate()
        {
            if (LiteLlm is null && GenAiPrices is null)
            {
                return ValidationResult.Error("give --litellm FILE, --genai-prices FILE, or both");
            }

            return At is not null && !CliParse.TryInstant(At, out _)
                ? ValidationResult.Error($"--at must be an ISO-8601 date such as 2026-12-01, got '{At}'")
                : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var catalog = CatalogSource.Load(environment, settings);
        var at = DateOnly.FromDateTime((settings.At is not null && CliParse.TryInstant(settings.At, out var instant) ? instant : environment.Clock()).UtcDateTime);
        var references = new List<ReferenceCatalog>();
        if (settings.LiteLlm is { } litellm)
        {
            references.Add(LiteLlmReader.Read(litellm));
        }

        if (settings.GenAiPrices is { } genai)
        {
            references.Add(GenAiPricesReader.Read(genai, at));
        }

        var report = CatalogCrosscheck.Compare(catalog, references, at);
        if (settings.Json)
        {
            JsonOutput.Write(environment.Out, w =>
            {
                w.WriteStartObject();
                w.WriteString("at", report.At.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.WriteDecimal("tolerance_usd_per_1m", report.ToleranceUsdPerMillion);
                w.WriteStartArray("sources");
                foreach (var reference in references)
                {
                    w.WriteStartObject();
                    w.WriteString("source", ReferenceCatalog.Name(reference.Source));
                    w.WriteString("file", reference.File);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteNumber("compared", report.Compared);
                w.WriteBoolean("agrees", report.Agrees);
                w.WriteStartArray("disagreements");
                foreach (var d in report.Disagreements)
                {
                    w.WriteStartObject();
                    w.WriteString("source", ReferenceCatalog.Name(d.Source));
                    w.WriteString("model", d.Model);
                    w.WriteString("field", d.Field);
                    w.WriteString("kind", Kind(d.Kind));
                    w.WriteString("planner", d.Planner);
                    w.WriteString("reference", d.Reference);
                    w.WriteString("reference_path", d.ReferencePath);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartArray("not_listed");
                foreach (var (source, model) in report.NotListed)
                {
                    w.WriteStartObject();
                    w.WriteString("source", ReferenceCatalog.Name(source));
                    w.WriteString("model", model);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
            return report.Agrees ? ExitCodes.Success : ExitCodes.CheckFailed;
        }

        var console = environment.Console;
        console.MarkupLineInterpolated(
            $"Crosscheck on {report.At:yyyy-MM-dd} against {string.Join(" and ", references.Select(r => ReferenceCatalog.Name(r.Source)))}: {report.Compared} model(s) and snapshot(s)");
        console.MarkupLineInterpolated($"Prices in USD per 1M tokens, equal within ${report.ToleranceUsdPerMillion.ToString(CultureInfo.InvariantCulture)}.");
        if (report.Agrees)
        {
            console.MarkupLine("[green]No disagreement.[/]");
        }
        else
        {
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("Source").AddColumn("Model").AddColumn("Field")
                .AddColumn(new TableColumn("Planner").RightAligned()).AddColumn(new TableColumn("Theirs").RightAligned());
            foreach (var d in report.Disagreements)
            {
                table.AddRow(Markup.Escape(ReferenceCatalog.Name(d.Source)), Markup.Escape(d.Model), Markup.Escape(Label(d)),
                    Markup.Escape(d.Planner), Markup.Escape(d.Reference));
            }

            console.Write(table);
            console.MarkupLineInterpolated($"[red]{report.Disagreements.Count} disagreement(s).[/]");
        }

        foreach (var (source, model) in report.NotListed)
        {
            console.MarkupLineInterpolated($"{ReferenceCatalog.Name(source)} does not list {model} (not a disagreement).");
        }

        return report.Agrees ? ExitCodes.Success : ExitCodes.CheckFailed;
    }

    private static string Label(CrosscheckDisagreement d) => d.Kind switch
    {
        CrosscheckKind.MissingMeter => d.Field + " (missing)",
        CrosscheckKind.ExtraMeter => d.Field + " (extra)",
        _ => d.Field,
    };

    private static string Kind(CrosscheckKind kind) => kind switch
    {
        CrosscheckKind.Price => "price",
        CrosscheckKind.MissingMeter => "missing_meter",
        CrosscheckKind.ExtraMeter => "extra_meter",
        CrosscheckKind.ContextWindow => "context_window",
        _ => "max_output_tokens",
    };
}
