using System.Globalization;
using Planner.Core.Catalog;
using Planner.Core.Pricing;

namespace Planner.Core.Crosscheck;

/// <summary>Compares Planner's catalog with reference catalogs (LiteLLM, genai-prices): every model and
/// snapshot the reference lists, meter by meter, with its context window and output cap.</summary>
public static class CatalogCrosscheck
{
    /// <summary>Differences up to this many USD per 1M tokens count as equal: the catalog's own precision
    /// (6 decimal places), far below any real price step, and above the noise of a per-token float
    /// written as 3.0000000000000004e-07.</summary>
    public const decimal ToleranceUsdPerMillion = 0.000001m;

    /// <summary>Checks every model of <paramref name="catalog"/> against each reference, with the prices in effect on <paramref name="at"/>.</summary>
    /// <exception cref="PlannerException">A reference lists none of the catalog's models (probably the wrong file).</exception>
    public static CrosscheckReport Compare(ModelCatalog catalog, IReadOnlyList<ReferenceCatalog> references, DateOnly at)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(references);
        var disagreements = new List<CrosscheckDisagreement>();
        var notListed = new List<(ReferenceSource, string)>();
        int compared = 0;
        var day = new DateTimeOffset(at.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        foreach (var reference in references)
        {
            int found = 0;
            foreach (var model in catalog.Models)
            {
                foreach (string id in (IEnumerable<string>)[model.Id, .. model.Snapshots.Select(s => s.Id)])
                {
                    if (reference.Find(id) is not { } entry)
                    {
                        if (id == model.Id)
                        {
                            notListed.Add((reference.Source, id));
                        }

                        continue;
                    }

                    var resolved = catalog.Resolve(id);
                    int index = PricingEngine.PriceIndexAt(resolved.Prices, day);
                    if (index < 0)
                    {
                        continue;
                    }

                    found++;
                    compared++;
                    Compare(reference, id, resolved.Prices[index], model, entry, disagreements);
                }
            }

            if (found == 0)
            {
                throw new PlannerException(PlannerErrorKind.InvalidReferenceFile,
                    $"{reference.File}: lists none of the catalog's {catalog.Models.Count} models ({string.Join(", ", catalog.Models.Select(m => m.Id))}); is it {Expected(reference.Source)}?");
            }
        }

        return new CrosscheckReport
        {
            Disagreements = disagreements,
            NotListed = notListed,
            Compared = compared,
            ToleranceUsdPerMillion = ToleranceUsdPerMillion,
            At = at,
        };
    }

    private static void Compare(ReferenceCatalog reference, string id, PriceSet prices, ModelSpec model, ReferenceModel entry, List<CrosscheckDisagreement> into)
    {
        foreach (var meter in MeterTable.All)
        {
            if (!reference.Represents(meter.Meter))
            {
                continue;
            }

            var listed = prices.Listed(meter.Meter)?.UsdPerMillion;
            var bills = prices[meter.Meter]?.UsdPerMillion;
            var other = entry.UsdPerMillion[meter.Meter];
            var kind = (listed, bills, other) switch
            {
                // Planner lists a price the reference lacks: for audio, the known bug of billing audio at the text rate.
                ({ }, _, null) => CrosscheckKind.MissingMeter,
                ({ } p, _, { } o) when Math.Abs(p - o) > ToleranceUsdPerMillion => CrosscheckKind.Price,
                // A cached meter Planner bills at its input rate: the reference may list that same rate.
                (null, { } b, { } o) when meter.IsCached && Math.Abs(b - o) > ToleranceUsdPerMillion => CrosscheckKind.Price,
                (null, null, { }) => CrosscheckKind.ExtraMeter,
                _ => (CrosscheckKind?)null,
            };
            if (kind is { } k)
            {
                string planner = listed is { } l ? Usd(l) : bills is { } b2 ? Usd(b2) + " (the " + meter.CachedFormOf!.Value.Info().JsonKey + " rate)" : "none";
                into.Add(new CrosscheckDisagreement(reference.Source, id, meter.PriceField, k, planner, other is { } o2 ? Usd(o2) : "none", entry.Path));
            }
        }

        if (entry.ContextWindow is { } context && context != model.ContextWindow.Value)
        {
            into.Add(new CrosscheckDisagreement(reference.Source, id, "context_window", CrosscheckKind.ContextWindow,
                Count(model.ContextWindow.Value), Count(context), entry.Path));
        }

        if (entry.MaxOutputTokens is { } cap && cap != model.MaxOutputTokens.Value)
        {
            into.Add(new CrosscheckDisagreement(reference.Source, id, "max_output_tokens", CrosscheckKind.MaxOutputTokens,
                Count(model.MaxOutputTokens.Value), Count(cap), entry.Path));
        }
    }

    private static string Expected(ReferenceSource source) => source == ReferenceSource.LiteLlm
        ? "LiteLLM's model_prices_and_context_window.json"
        : "genai-prices' prices/data.json";

    /// <summary>A per-1M price as plain text: 24, 0.4, 0.000016.</summary>
    private static string Usd(decimal value) => (value / 1.000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
