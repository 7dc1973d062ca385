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

    /// <summary>The id that bills: the snapshot id, else the canonical model id.</summary>
    public string BillingId => Snapshot?.Id ?? Model.Id;
}
