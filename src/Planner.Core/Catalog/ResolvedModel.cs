namespace Planner.Core.Catalog;

/// <summary>A name resolved to its model, and to the snapshot when the name was a dated one.</summary>
/// <param name="Model">The model.</param>
/// <param name="Snapshot">The snapshot named, or null for the model id or an alias.</param>
/// <param name="RequestedName">The name as given.</param>
public sealed record ResolvedModel(ModelSpec Model, Snapshot? Snapshot, string RequestedName)
{
    /// <summary>The price history that applies: the snapshot's own, else the model's.</summary>
    public IReadOnlyList<PriceSet> Prices => Snapshot is { Prices.Count: > 0 } s ? s.Prices : Model.Prices;

    /// <summary>The snapshot's shutdown date, else the model's.</summary>
    public DateOnly? Shutdown => Snapshot?.Shutdown ?? Model.Shutdown;

    /// <summary>The snapshot's deprecation date, else the model's.</summary>
    public DateOnly? Deprecated => Snapshot?.Deprecated ?? Model.Deprecated;

    /// <summary>The snapshot's release date, else the model's.</summary>
    public DateOnly? Released => Snapshot?.Released ?? Model.Released;

    /// <summary>The snapshot's recommended replacement, else the model's.</summary>
    public string? Replacement => Snapshot?.Replacement ?? Model.Replacement;

    /// <summary>The day the replacement was observed, from the same record as <see cref="Replacement"/>.</summary>
    public DateOnly? ReplacementObserved => Snapshot?.Replacement is not null ? Snapshot.ReplacementObserved : Model.ReplacementObserved;

    /// <summary>The uncertain price changes of <see cref="Prices"/>.</summary>
    public IReadOnlyList<PriceChangeWindow> PriceChangeWindows => Snapshot is { Prices.Count: > 0 } s ? s.PriceChangeWindows : Model.PriceChangeWindows;

    /// <summary>Where this model or snapshot stands on <paramref name="day"/>.</summary>
    public LifecycleStatus StatusAt(DateOnly day) =>
        Released is { } released && day < released ? LifecycleStatus.Unreleased
        : Shutdown is { } shutdown && day >= shutdown ? LifecycleStatus.ShutDown
        : Shutdown is not null && (Deprecated is not { } notice || day >= notice) ? LifecycleStatus.Deprecated
        : LifecycleStatus.Active;

    /// <summary>The id that bills: the snapshot id, else the canonical model id.</summary>
    public string BillingId => Snapshot?.Id ?? Model.Id;
}
