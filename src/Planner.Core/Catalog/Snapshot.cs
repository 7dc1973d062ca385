namespace Planner.Core.Catalog;

/// <summary>A dated snapshot of a model. It bills at its model's prices unless it has its own.</summary>
public sealed record Snapshot
{
    public required string Id { get; init; }

    /// <summary>The snapshot's own price history, or empty to use the model's.</summary>
    public IReadOnlyList<PriceSet> Prices { get; init; } = [];

    public DateOnly? Deprecated { get; init; }
    public DateOnly? Shutdown { get; init; }
}
