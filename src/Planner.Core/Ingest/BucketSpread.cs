namespace Planner.Core.Ingest;

/// <summary>How an aggregate bucket's requests are placed in time for a simulation.</summary>
public enum BucketSpread
{
    /// <summary>Evenly: request i of n at start + (i + 1/2) x width / n.</summary>
    Even,

    /// <summary>As a Poisson process given n arrivals: n uniform instants in the bucket, sorted (seeded).</summary>
    Poisson,
}
