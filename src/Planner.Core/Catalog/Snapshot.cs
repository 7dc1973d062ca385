namespace Planner.Core.Catalog;

/// <summary>A dated snapshot of a model. It bills at its model's prices unless it has its own.</summary>
public sealed record Snapshot
{
    public required string Id { get; init; }

    /// <summary>The snapshot's own price history, or empty to use the model's.</summary>
    public IReadOnlyList<PriceSet> Prices { get; init; } = [];

    /// <summary>The snapshot's release date, or null to use the model's.</summary>
    public DateOnly? Released { get; init; }

    public DateOnly? Deprecated { get; init; }
    public DateOnly? Shutdown { get; init; }

    /// <summary>The snapshot's recommended replacement, or null to use the model's.</summary>
    public string? Replacement { get; init; }

    /// <summary>The day the snapshot's replacement was observed, or null.</summary>
    public DateOnly? ReplacementObserved { get; init; }

    /// <summary>Where the snapshot's lifecycle comes from, or null to use the model's.</summary>
    public Source? LifecycleSource { get; init; }

    /// <summary>Price changes of the snapshot's own <see cref="Prices"/> whose exact day is unknown.</summary>
    public IReadOnlyList<PriceChangeWindow> PriceChangeWindows { get; init; } = [];
}
