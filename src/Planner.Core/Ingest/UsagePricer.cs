using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Traces;

namespace Planner.Core.Ingest;

/// <summary>Resolves model names (cached by their UTF-8 bytes) and prices usage at an instant, for the OpenAI-format readers.
/// Mutable, owned by one reader; a known model and an unchanged price period allocate nothing.</summary>
internal sealed class UsagePricer
{
    private readonly ModelCatalog _catalog;
    private readonly ModelSlotCache _models;

    public UsagePricer(ModelCatalog catalog, TraceOptions options)
    {
        _catalog = catalog;
        _models = new ModelSlotCache(catalog, options.AudioTokenRates, options.ModelOverride);
    }

    public bool HasOverride => _models.Override is not null;

    /// <summary>The override, else the model named by <paramref name="name"/>, else null (unknown).</summary>
    public ModelSlot? Find(ReadOnlySpan<byte> name)
    {
        return _models.Override ?? _models.Find(name);
    }

    /// <summary>"model: unknown model 'x'; known models: ..." for a name <see cref="Find"/> did not know.</summary>
    public string Unknown(string field, ReadOnlySpan<byte> name) =>
        $"{field}: unknown model '{Text.Show(name)}'; known models: {string.Join(", ", _catalog.Models.Select(m => m.Id))}";

    /// <summary>Prices <paramref name="usage"/> on <paramref name="slot"/> at <paramref name="ticks"/>; null when priced,
    /// else the rejection kind with <paramref name="message"/>.</summary>
    public static string? Price(ModelSlot slot, long ticks, in Pricing.Usage usage, out CostBreakdown cost, ref string? message)
    {
        cost = default;
        if (ticks < slot.SheetFromTicks || ticks >= slot.SheetUntilTicks)
        {
            string? kind = slot.Reprice(ticks, ref message);
            if (kind is not null)
            {
                return kind;
            }
        }

        cost = slot.Sheet.Price(usage);
        return null;
    }
}
