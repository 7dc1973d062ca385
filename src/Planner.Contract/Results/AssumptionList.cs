using System.Globalization;
using Planner.Core.Calls;
using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Traces;

namespace Planner.Contract.Results;

/// <summary>Builds a result's <see cref="AssumptionItem"/> list: the audio-token rates, how a usage file was read,
/// cached meters that bill at their input rate. Every service that states assumptions uses it.</summary>
public sealed class AssumptionList
{
    /// <summary>The note <c>AudioTokenRates.Source</c> carries when a query overrode the catalog's rates.</summary>
    public const string OverriddenNote = "overridden on the command line";

    /// <summary>The one explanation of <c>audio_counts_toward_tpm</c>, wherever a command states it (capacity, call
    /// capacity, simulate, recommend).</summary>
    public const string AudioCountsTowardTpmWhy =
        "not documented by OpenAI; Planner assumes audio tokens count toward TPM like text tokens (docs/catalog-facts.md)";

    private readonly List<AssumptionItem> _items = [];

    /// <summary>The assumptions, in the order added.</summary>
    public IReadOnlyList<AssumptionItem> Items => _items;

    /// <summary>Adds one assumption.</summary>
    public AssumptionList Add(string name, string value, string why)
    {
        _items.Add(new AssumptionItem(name, value, why));
        return this;
    }

    /// <summary>That audio tokens count toward TPM like text tokens, with <see cref="AudioCountsTowardTpmWhy"/>.</summary>
    public AssumptionList AddAudioCountsTowardTpm() => Add("audio_counts_toward_tpm", "true", AudioCountsTowardTpmWhy);

    /// <summary>The audio-token rates, when audio durations were converted with them.</summary>
    public AssumptionList AddAudioRates(AudioTokenRates rates, bool used)
    {
        ArgumentNullException.ThrowIfNull(rates);
        if (!used)
        {
            return this;
        }

        string why = rates.Source.Note == OverriddenNote
            ? "set by audio_in_rate / audio_out_rate"
            : "OpenAI documents it for the Realtime API; on Chat Completions models it is an assumption (override with audio_in_rate / audio_out_rate)";
        Add("audio_input_tokens_per_second", rates.Input.TokensPerSecond.ToString("0.###", CultureInfo.InvariantCulture), why);
        Add("audio_output_tokens_per_second", rates.Output.TokensPerSecond.ToString("0.###", CultureInfo.InvariantCulture), why);
        return this;
    }

    /// <summary>The assumptions a call plan rests on (cache-hit share, truncation, ...).</summary>
    public AssumptionList AddCall(CallPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        foreach (var a in plan.Assumptions)
        {
            Add(a.Key, a.Value, a.Why);
        }

        return this;
    }

    /// <summary>How the usage file was read: its format, and what its reader assumed (e.g. the definition of input_tokens).</summary>
    public AssumptionList AddSource(IUsageSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Format == CsvTraceSource.FormatKey && source.Assumptions.Count == 0)
        {
            return this;
        }

        Add("usage_format", source.Format, "detected from the file's content unless `format` named it (docs/usage-formats.md)");
        foreach (string reading in source.Assumptions)
        {
            Add("usage_reading", reading, "how the file's fields were read (docs/usage-formats.md)");
        }

        return this;
    }

    /// <summary>Each cached meter the usage has tokens on that the model lists no cached price for:
    /// those tokens bill at the matching input rate.</summary>
    public AssumptionList AddCachedFallbacks(string model, PriceSet prices, in Usage usage)
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

                Add(name, "$" + prices[meter.Meter]!.Value.UsdPerMillion.ToString("#,0.00####", CultureInfo.InvariantCulture) + " on " + model,
                    $"{model} lists no {meter.Noun} price; cached tokens bill at the {input.Info().Noun} rate");
            }
        }

        return this;
    }

    /// <summary>The same for a priced trace: each model whose rows used a cached meter it lists no price for.</summary>
    public AssumptionList AddCachedFallbacks(ModelCatalog catalog, TraceCosts costs)
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
}
