namespace Planner.Contract.Results;

/// <summary>One tier's simulation in a recommendation: whether it meets the objectives and why; the figures are
/// omitted for a tier the trace's models do not support.</summary>
public sealed record TierOutcomeRow
{
    public required string Tier { get; init; }

    public required bool MeetsObjectives { get; init; }

    /// <summary>One sentence: why the tier meets the objectives or not.</summary>
    public required string Reason { get; init; }

    public long? Completed { get; init; }

    public long? Dropped { get; init; }

    public long? Rejected { get; init; }

    public long? ThrottledRequests { get; init; }

    public double? ThrottleRate { get; init; }

    public double? QueueDelayP99Seconds { get; init; }

    public double? QueueDelayMaxSeconds { get; init; }

    public long? PeakConcurrency { get; init; }
}
