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
