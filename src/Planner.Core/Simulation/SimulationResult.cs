using Planner.Core.Traces;

namespace Planner.Core.Simulation;

/// <summary>The outcome of replaying a trace against one tier. completed + dropped + rejected = rows read.</summary>
public sealed record SimulationResult
{
    public required SimulationOptions Options { get; init; }

    /// <summary>The tier's name as the catalog gives it ("1").</summary>
    public required string Tier { get; init; }

    /// <summary>The cost of the completed requests (dropped requests are not billed).</summary>
    public required TraceCosts Costs { get; init; }

    /// <summary>The cost of every valid row of the trace as if all completed (completed, dropped and never
    /// admissible alike): its 30-day projection is the whole workload's, where <see cref="Costs"/>' is only what
    /// completed under these limits.</summary>
    public required TraceCosts OfferedCosts { get; init; }

    /// <summary>Rows in the trace (the header is not a row).</summary>
    public required long RowsRead { get; init; }

    /// <summary>Rows the reader accepted and priced.</summary>
    public required long RowsPriced { get; init; }

    /// <summary>Rows the reader rejected (bad rows).</summary>
    public required TraceRejections TraceRejections { get; init; }

    /// <summary>Valid rows the tier can never admit: a TPM charge above the bucket's capacity, or a model the tier does not support.</summary>
    public required TraceRejections LimitRejections { get; init; }

    /// <summary>Requests admitted and billed.</summary>
    public required long Completed { get; init; }

    /// <summary>Requests that got a 429 on every attempt (retry only): not billed.</summary>
    public required long Dropped { get; init; }

    /// <summary>Attempts answered with a 429 (retry only).</summary>
    public required long ThrottledAttempts { get; init; }

    /// <summary>Requests that got at least one 429 (retry only).</summary>
    public required long ThrottledRequests { get; init; }

    /// <summary>Attempts after the first (retry only).</summary>
    public required long Retries { get; init; }

    /// <summary>From arrival to admission, over completed requests (bounded histogram: at most 0.79% high).</summary>
    public required DelayHistogram QueueDelay { get; init; }

    /// <summary>Each model's figures against its limits. Empty in a <see cref="TierRecommendation"/>'s tiers: the
    /// recommender reads none of them, so its replays do not count them (and <see cref="ReservedUnusedTokens"/> is 0).</summary>
    public required IReadOnlyList<ModelThroughput> Models { get; init; }

    /// <summary>The most requests in flight at once: exact under retry or for one model; under queue with several
    /// models, the sum of each model's peak.</summary>
    public required long PeakConcurrency { get; init; }

    /// <summary>True when <see cref="PeakConcurrency"/> is the sum of several models' own peaks (an upper bound,
    /// under queue only); otherwise it is exact.</summary>
    public required bool PeakConcurrencyIsUpperBound { get; init; }

    /// <summary>Why the tier cannot run this trace at all (a model it does not support), or null.</summary>
    public string? Unsupported { get; init; }

    /// <summary>Rows rejected by the reader or by the limits.</summary>
    public long Rejected => TraceRejections.Count + LimitRejections.Count;

    /// <summary>Tokens reserved against TPM by max_tokens but never produced.</summary>
    public long ReservedUnusedTokens => Models.Sum(m => m.ReservedUnusedTokens);

    /// <summary>Throttled requests / requests that reached the limiter.</summary>
    public double ThrottleRate => Completed + Dropped == 0 ? 0 : ThrottledRequests / (double)(Completed + Dropped);
}
