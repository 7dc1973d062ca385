using System.Globalization;
using Planner.Cli.Rendering;
using Planner.Core.Catalog;
using Planner.Core.Units;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary><c>planner models</c>: every model with its current prices, caps, aliases and snapshots.</summary>
public sealed class ModelsCommand(CliEnvironment environment) : Command<CatalogSettings>
{
    public override int Execute(CommandContext context, CatalogSettings settings, CancellationToken cancellationToken)
    {
        var catalog = CatalogSource.Load(environment, settings);
        if (settings.Json)
        {
            JsonOutput.Write(environment.Out, w =>
            {
                w.WriteStartObject();
                w.WriteString("catalog_version", catalog.Version);
                WriteRates(w, "audio_token_rates", catalog.AudioTokenRates);
                w.WriteStartArray("models");
                foreach (var m in catalog.Models)
                {
                    w.WriteStartObject();
                    w.WriteString("id", m.Id);
                    w.WriteString("display_name", m.DisplayName);
                    w.WriteString("description", m.Description);
                    WriteStrings(w, "aliases", m.Aliases);
                    WriteStrings(w, "snapshots", m.Snapshots.Select(s => s.Id));
                    w.WriteNumber("context_window", m.ContextWindow.Value);
                    w.WriteNumber("max_output_tokens", m.MaxOutputTokens.Value);
                    WriteDate(w, "knowledge_cutoff", m.KnowledgeCutoff);
                    WriteDate(w, "deprecated", m.Deprecated);
                    WriteDate(w, "shutdown", m.Shutdown);
                    w.WriteStartArray("prices");
                    foreach (var p in m.Prices)
                    {
                        w.WriteStartObject();
                        WriteDate(w, "effective_from", p.EffectiveFrom);
                        w.WriteStartObject("usd_per_1m_tokens");
                        foreach (var meter in Meters.All)
                        {
                            if (p[meter] is { } price)
                            {
                                w.WriteDecimal(Meters.JsonName(meter), price.UsdPerMillion);
                            }
                            else
                            {
                                w.WriteNull(Meters.JsonName(meter));
                            }
                        }

                        w.WriteEndObject();
                        w.WriteBoolean("cached_input_listed", p.CachedTextInput is not null);
                        w.WriteString("source", p.Source.Url);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    if (m.AudioTokenRates is { } own)
                    {
                        WriteRates(w, "audio_token_rates", own);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Rounded).Title($"Models (catalog {catalog.Version}); USD per 1M tokens")
            .AddColumn("Model").AddColumn(new TableColumn("Text in").RightAligned()).AddColumn(new TableColumn("Cached in").RightAligned())
            .AddColumn(new TableColumn("Audio in").RightAligned()).AddColumn(new TableColumn("Text out").RightAligned())
            .AddColumn(new TableColumn("Audio out").RightAligned()).AddColumn(new TableColumn("Context / max out").RightAligned())
            .AddColumn("Prices since");
        foreach (var m in catalog.Models)
        {
            var p = m.Prices[^1];
            table.AddRow(
                Markup.Escape(m.Id),
                Price(p.TextInput),
                p.CachedTextInput is { } cached ? Price(cached) : "= text in",
                Price(p.AudioInput),
                Price(p.TextOutput),
                Price(p.AudioOutput),
                $"{Format.Count(m.ContextWindow.Value)} / {Format.Count(m.MaxOutputTokens.Value)}",
                p.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (m.Shutdown is { } s ? $" (shutdown {s:yyyy-MM-dd})" : ""));
        }

        environment.Console.Write(table);
        foreach (var m in catalog.Models.Where(m => m.Snapshots.Count + m.Aliases.Count > 0))
        {
            environment.Console.MarkupLineInterpolated($"{m.Id} is also billed as: {string.Join(", ", m.Snapshots.Select(s => s.Id).Concat(m.Aliases))}");
        }

        var rates = catalog.AudioTokenRates;
        environment.Console.MarkupLineInterpolated(
            $"Audio converts at {rates.Input} in and {rates.Output} out{(rates.Source.IsAssumption ? " (an assumption: override with --audio-in-rate / --audio-out-rate)" : "")}.");
        environment.Console.MarkupLine("No cached-input price is listed for these models: cached tokens bill at the text input rate.");
        return ExitCodes.Success;
    }

    private static string Price(PricePerMillionTokens? price) => Format.Price(price);

    private static void WriteStrings(System.Text.Json.Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    internal static void WriteDate(System.Text.Json.Utf8JsonWriter w, string name, DateOnly? date)
    {
        if (date is { } d)
        {
            w.WriteString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    internal static void WriteRates(System.Text.Json.Utf8JsonWriter w, string name, AudioTokenRates rates)
    {
        w.WriteStartObject(name);
        w.WriteDecimal("input_tokens_per_second", rates.Input.TokensPerSecond);
        w.WriteDecimal("output_tokens_per_second", rates.Output.TokensPerSecond);
        w.WriteBoolean("assumption", rates.Source.IsAssumption);
        w.WriteString("source", rates.Source.Url);
        w.WriteEndObject();
    }
}
