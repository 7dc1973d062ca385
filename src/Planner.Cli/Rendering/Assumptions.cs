using System.Globalization;
using System.Text.Json;
using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Spectre.Console;

namespace Planner.Cli.Rendering;

/// <summary>States the assumptions a result rests on, in tables and in JSON, so a reader knows
/// which figures are certain and which they may override.</summary>
public sealed class Assumptions
{
    private readonly List<(string Name, string Value, string Why)> _items = [];

    public IReadOnlyList<(string Name, string Value, string Why)> Items => _items;

    public Assumptions Add(string name, string value, string why)
    {
        _items.Add((name, value, why));
        return this;
    }

    /// <summary>The audio-token rates, when audio durations were converted with them.</summary>
    public Assumptions AddAudioRates(AudioTokenRates rates, bool used)
    {
        ArgumentNullException.ThrowIfNull(rates);
        if (!used)
        {
            return this;
        }

        string why = rates.Source.Note == "overridden on the command line"
            ? "set on the command line"
            : "OpenAI documents it for the Realtime API; on Chat Completions models it is an assumption (override with --audio-in-rate / --audio-out-rate)";
        Add("audio_input_tokens_per_second", rates.Input.TokensPerSecond.ToString("0.###", CultureInfo.InvariantCulture), why);
        Add("audio_output_tokens_per_second", rates.Output.TokensPerSecond.ToString("0.###", CultureInfo.InvariantCulture), why);
        return this;
    }

    /// <summary>How the usage file was read: its format, and what its reader assumed (e.g. the definition of input_tokens).</summary>
    public Assumptions AddSource(Planner.Core.Traces.IUsageSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Format == Planner.Core.Traces.CsvTraceSource.FormatKey && source.Assumptions.Count == 0)
        {
            return this;
        }

        Add("usage_format", source.Format, "detected from the file's content unless --format named it (docs/usage-formats.md)");
        foreach (string reading in source.Assumptions)
        {
            Add("usage_reading", reading, "how the file's fields were read (docs/usage-formats.md)");
        }

        return this;
    }

    /// <summary>Each cached meter the usage has tokens on that the model lists no cached price for:
    /// those tokens bill at the matching input rate.</summary>
    public Assumptions AddCachedFallbacks(string model, PriceSet prices, in Usage usage)
    {
        ArgumentNullException.ThrowIfNull(prices);
        foreach (var meter in MeterTable.All)
        {
            if (meter.CachedFormOf is { } input && usage[meter.Meter].Value > 0 && prices.BillsAtInputRate(meter.Meter))
            {
                string name = meter.JsonKey + "_usd_per_1m";
                if (_items.Exists(i => i.Name == name && i.Value.EndsWith(model, StringComparison.Ordinal)))
                {
                    continue;
                }

                Add(name, Format.Price(prices[meter.Meter]) + " on " + model,
                    $"{model} lists no {meter.Noun} price; cached tokens bill at the {input.Info().Noun} rate");
            }
        }

        return this;
    }

    /// <summary>The same for a priced trace: each model whose rows used a cached meter it lists no price for.</summary>
    public Assumptions AddCachedFallbacks(ModelCatalog catalog, Planner.Core.Traces.TraceCosts costs)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(costs);
        foreach (var (model, totals) in costs.ByModel)
        {
            if (!catalog.TryResolve(model, out var resolved))
            {
                continue;
            }

            foreach (var meter in MeterTable.All)
            {
                if (meter.CachedFormOf is { } input && totals.Tokens(meter.Meter) > 0 && resolved.Prices.Any(p => p.BillsAtInputRate(meter.Meter)))
                {
                    Add(meter.JsonKey + "_usd_per_1m", "the " + input.Info().Noun + " rate on " + model,
                        $"{model} lists no {meter.Noun} price; cached tokens bill at the {input.Info().Noun} rate");
                }
            }
        }

        return this;
    }

    /// <summary>Writes an <c>"assumptions"</c> array.</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray("assumptions");
        foreach (var (name, value, why) in _items)
        {
            writer.WriteStartObject();
            writer.WriteString("name", name);
            writer.WriteString("value", value);
            writer.WriteString("why", why);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes an "Assumptions" note under a table; nothing when there are none.</summary>
    public void Render(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (_items.Count == 0)
        {
            return;
        }

        console.MarkupLine("[bold]Assumptions[/]");
        foreach (var (name, value, why) in _items)
        {
            console.MarkupLineInterpolated($"  [yellow]{name}[/] = {value}: {why}");
        }
    }
}
