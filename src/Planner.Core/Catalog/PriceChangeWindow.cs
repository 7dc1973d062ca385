namespace Planner.Core.Catalog;

/// <summary>A price change whose exact day is unknown: the old prices were last seen the day before
/// <see cref="From"/>, the new ones first on <see cref="ConfirmedFrom"/>. Planner prices the window at the
/// new prices (the set effective from <see cref="From"/>) and warns that the old ones may still have applied.</summary>
public sealed record PriceChangeWindow
{
    /// <summary>The first day the change may have happened (the price set's effective date).</summary>
    public required DateOnly From { get; init; }

    /// <summary>The first day the new prices are known to apply.</summary>
    public required DateOnly ConfirmedFrom { get; init; }

    /// <summary>True when <paramref name="day"/> lies inside the window (before the confirmation).</summary>
    public bool Contains(DateOnly day) => day >= From && day < ConfirmedFrom;
}
