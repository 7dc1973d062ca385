using Planner.Core.Catalog;
using Planner.Core.Pricing;

namespace Planner.Core.Traces;

/// <summary>A resolved model cached by the reader under the bytes of its name, with the price sheet of
/// the price period last used and that period's bounds in UTC ticks. Mutable, owned by one reader.</summary>
internal sealed class ModelSlot(byte[] name, ResolvedModel model, AudioTokenRates rates)
{
    public byte[] Name { get; } = name;
    public ResolvedModel Model { get; } = model;
    public AudioTokenRates Rates { get; } = rates;

    /// <summary>The model's output cap in tokens (<see cref="ModelSpec.MaxOutputTokens"/>), held here for the row checks.</summary>
    public long MaxOutputTokens { get; } = model.Model.MaxOutputTokens.Value;

    /// <summary>The model's context window in tokens (<see cref="ModelSpec.ContextWindow"/>), held here for the row checks.</summary>
    public long ContextWindow { get; } = model.Model.ContextWindow.Value;

    // The name's first 16 bytes as two little-endian words, zero past its end, and the masks of its bytes in each: a name
    // of up to 16 bytes is compared as two words (NameIs).
    private readonly ulong _head = Word(name, 0);
    private readonly ulong _tail = Word(name, 8);
    private readonly ulong _headMask = Mask(name.Length);
    private readonly ulong _tailMask = Mask(name.Length - 8);

    /// <summary>Whether <paramref name="text"/> is this slot's name; <paramref name="text"/> must have 16 readable bytes from
    /// its start (a field in <see cref="TraceCsvScanner"/>'s buffer, whose <see cref="TraceCsvScanner.Padding"/> ensures it).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool NameIs(ReadOnlySpan<byte> text)
    {
        if (text.Length != Name.Length)
        {
            return false;
        }

        if (text.Length > 16)
        {
            return text.SequenceEqual(Name);
        }

        ref byte first = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(text);
        ulong head = System.Runtime.CompilerServices.Unsafe.ReadUnaligned<ulong>(ref first);
        ulong tail = System.Runtime.CompilerServices.Unsafe.ReadUnaligned<ulong>(ref System.Runtime.CompilerServices.Unsafe.Add(ref first, 8));
        return (((head ^ _head) & _headMask) | ((tail ^ _tail) & _tailMask)) == 0;
    }

    private static ulong Word(byte[] name, int from)
    {
        ulong word = 0;
        for (int i = Math.Min(name.Length, from + 8) - 1; i >= from; i--)
        {
            word = (word << 8) | name[i];
        }

        return word;
    }

    private static ulong Mask(int bytes) => bytes <= 0 ? 0 : bytes >= 8 ? ulong.MaxValue : (1UL << (bytes * 8)) - 1;

    private PriceSheet _sheet;

    /// <summary>The compiled prices of the period last used, by reference (a <see cref="PriceSheet"/> is 150 bytes: a
    /// property returning it by value copied it twice a row).</summary>
    public ref readonly PriceSheet Sheet => ref _sheet;

    /// <summary>The first tick <see cref="Sheet"/> applies to (empty until first priced).</summary>
    public long SheetFromTicks { get; private set; } = long.MaxValue;

    /// <summary>The first tick <see cref="Sheet"/> no longer applies to (next price set, or shutdown).</summary>
    public long SheetUntilTicks { get; private set; } = long.MinValue;

    /// <summary>Compiles the price sheet in effect at <paramref name="ticks"/>; returns the rejection kind
    /// (and a message) when there is none.</summary>
    public string? Reprice(long ticks, ref string? message)
    {
        var at = new DateTimeOffset(ticks, TimeSpan.Zero);
        PriceSet prices;
        try
        {
            prices = PricingEngine.PricesAt(Model, at);
        }
        catch (PlannerException e)
        {
            message = $"{TraceColumns.Timestamp}: {e.Message}";
            return TraceRejectionKinds.NoPrice;
        }

        var all = Model.Prices;
        int index = PricingEngine.PriceIndexAt(all, at);
        long until = index + 1 < all.Count ? all[index + 1].EffectiveFromInstant.UtcTicks : long.MaxValue;
        if (Model.Shutdown is { } shutdown)
        {
            until = Math.Min(until, new DateTimeOffset(shutdown.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).UtcTicks);
        }

        _sheet = new PriceSheet(prices, Model.BillingId);
        SheetFromTicks = prices.EffectiveFromInstant.UtcTicks;
        SheetUntilTicks = until;
        return null;
    }
}
