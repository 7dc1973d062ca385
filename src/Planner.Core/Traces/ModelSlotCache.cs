using Planner.Core.Catalog;

namespace Planner.Core.Traces;

/// <summary>The models a file names, each resolved once: a ring of the last 16 names seen, compared as UTF-8
/// bytes so that finding a row's model allocates nothing (a file names a handful of models; a name pushed out
/// of the ring is simply resolved again). Also holds the override model when every row is priced on one.</summary>
internal sealed class ModelSlotCache
{
    private const int Size = 16;

    private readonly ModelCatalog _catalog;
    private readonly AudioTokenRates? _rates;
    private readonly ModelSlot?[] _slots = new ModelSlot?[Size];
    private int _next;
    private ModelSlot? _last;
    private ModelSlot? _previous;

    /// <summary>A cache over <paramref name="catalog"/>; <paramref name="rates"/> overrides each model's
    /// audio-token rates; <paramref name="overrideModel"/>, when given, is resolved now (unknown: an error).</summary>
    public ModelSlotCache(ModelCatalog catalog, AudioTokenRates? rates, string? overrideModel)
    {
        _catalog = catalog;
        _rates = rates;
        if (overrideModel is not null)
        {
            var resolved = catalog.Resolve(overrideModel);
            Override = new ModelSlot([], resolved, rates ?? catalog.RatesFor(resolved.Model));
        }
    }

    /// <summary>The model every row is priced on, or null to use each row's own.</summary>
    public ModelSlot? Override { get; }

    /// <summary>The model named by <paramref name="name"/> (id, alias or snapshot), or null when the catalog does not know it.</summary>
    /// <remarks>The previous row's model is tried first, inline (a trace's rows mostly name the model of the row before).</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public ModelSlot? Find(ReadOnlySpan<byte> name)
    {
        var last = _last;
        return last is not null && name.SequenceEqual(last.Name) ? last : _last = FindInRing(name);
    }

    /// <summary><see cref="Find"/> for a name with 16 readable bytes from its start (a field in the CSV scanner's padded
    /// buffer): the last two models found are compared as words, inline (a trace's rows mostly name one of the last two
    /// models: <c>gpt-audio-mini</c>, then a <c>gpt-audio</c> row, then <c>gpt-audio-mini</c> again).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public ModelSlot? FindPadded(ReadOnlySpan<byte> name)
    {
        var last = _last;
        if (last is not null && last.NameIs(name))
        {
            return last;
        }

        var previous = _previous;
        if (previous is not null && previous.NameIs(name))
        {
            return previous; // not moved to the front: two models that alternate both stay here, with no write
        }

        return FindAfterLastTwo(name);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private ModelSlot? FindAfterLastTwo(ReadOnlySpan<byte> name)
    {
        var found = FindInRing(name);
        if (found is not null)
        {
            (_previous, _last) = (_last, found);
        }

        return found;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private ModelSlot? FindInRing(ReadOnlySpan<byte> name)
    {
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

        var added = new ModelSlot(name.ToArray(), resolved, _rates ?? _catalog.RatesFor(resolved.Model));
        _slots[_next] = added;
        _next = (_next + 1) % Size;
        return added;
    }
}
