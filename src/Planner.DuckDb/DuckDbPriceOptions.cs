namespace Planner.DuckDb;

/// <summary>How <see cref="DuckDbPricer"/> reads and prices files. Immutable.</summary>
public sealed record DuckDbPriceOptions
{
    /// <summary>Price every row on this model instead of the row's own, or null. The default value is null.</summary>
    public string? ModelOverride { get; init; }

    /// <summary>Worker threads, or null for every core (DuckDB's default). The default value is null.</summary>
    public int? Threads { get; init; }
}
