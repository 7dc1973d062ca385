namespace Planner.Contract.Results;

/// <summary>A simulation's throughput minute by minute: per model, the requests and TPM tokens admitted in each UTC
/// minute, against the tier's RPM and TPM limits (the Your usage page's chart and its CSV).</summary>
public sealed record ThroughputResult
{
    /// <summary>The tier simulated.</summary>
    public required string Tier { get; init; }

    /// <summary>One series per model the trace sent, in the order the simulation reports its models.</summary>
    public required IReadOnlyList<ThroughputModelSeries> Models { get; init; }
}
