using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Traces;

namespace Planner.Core.Ingest;

/// <summary>Resolves model names (cached by their UTF-8 bytes) and prices usage at an instant, for the OpenAI-format readers.
/// Mutable, owned by one reader; a known model and an unchanged price period allocate nothing.</summary>
internal sealed class UsagePricer
{
    private const int CacheSize = 16;

    private readonly ModelCatalog _catalog;
    private readonly TraceOptions _options;
    private readonly ModelSlot? _override;
    private readonly ModelSlot?[] _slots = new ModelSlot?[CacheSize];
    private int _next;

    public UsagePricer(ModelCatalog catalog, TraceOptions options)
    {
        _catalog = catalog;
        _options = options;
        if (options.ModelOverride is { } name)
        {
            var resolved = catalog.Resolve(name);
            _override = new ModelSlot([], resolved, options.AudioTokenRates ?? catalog.RatesFor(resolved.Model));
        }
    }

    public bool HasOverride => _override is not null;

    /// <summary>The override, else the model named by <paramref name="name"/>, else null (unknown).</summary>
    public ModelSlot? Find(ReadOnlySpan<byte> name)
    {
        if (_override is not null)
        {
            return _override;
        }

        foreach (var slot in _slots)
        {
            if (slot is null)
            {
                break;
            }

            if (name.SequenceEqual(slot.Name))
            {
                return slot;
            }
        }

        if (!_catalog.TryResolve(System.Text.Encoding.UTF8.GetString(name), out var resolved))
        {
            return null;
        }

        var added = new ModelSlot(name.ToArray(), resolved, _options.AudioTokenRates ?? _catalog.RatesFor(resolved.Model));
        _slots[_next] = added;
        _next = (_next + 1) % CacheSize;
        return added;
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
