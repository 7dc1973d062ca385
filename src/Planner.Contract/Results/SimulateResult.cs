namespace Planner.Contract.Results;

/// <summary>The result of <c>simulate</c>: the trace's rows, the outcome of replaying them against one tier (completed,
/// dropped, rejected; throttling; queue delay; each model's traffic against its limits), the exact cost of the completed
/// requests (the <see cref="TracePricedResult"/> fields) and of the whole trace.</summary>
public sealed record SimulateResult : TracePricedResult
{
    public SimulateResult()
    {
    }

    /// <summary>A result on the rows and (completed requests') costs of <paramref name="priced"/>.</summary>
    public SimulateResult(TracePricedResult priced)
        : base(priced)
    {
    }

    /// <summary>The model every row was simulated on, when the query overrode the rows' own.</summary>
    public string? ModelOverride { get; init; }

    public required string Tier { get; init; }

    /// <summary>queue or retry.</summary>
    public required string OnLimit { get; init; }

    public required double BurstWindowSeconds { get; init; }

    public required int Seed { get; init; }

    /// <summary>Requests completed (billed).</summary>
    public required long Completed { get; init; }

    /// <summary>Requests dropped after the last attempt (not billed).</summary>
    public required long Dropped { get; init; }

    /// <summary>Rows rejected: bad rows and requests never admissible at this tier.</summary>
    public required long Rejected { get; init; }

    /// <summary>True when completed + dropped + rejected = rows read.</summary>
    public bool OutcomesBalance => Completed + Dropped + Rejected == RowsRead;

    /// <summary>Requests no bucket of this tier could ever admit.</summary>
    public required RejectionsResult RejectedByLimits { get; init; }

    public required long ThrottledAttempts { get; init; }

    public required long ThrottledRequests { get; init; }

    public required long Retries { get; init; }

    /// <summary>Throttled requests / (completed + dropped).</summary>
    public required double ThrottleRate { get; init; }

    public required QueueDelayResult QueueDelaySeconds { get; init; }

    public required IReadOnlyList<ModelThroughputRow> Models { get; init; }

    public required long PeakConcurrency { get; init; }

    public required bool PeakConcurrencyIsUpperBound { get; init; }

    public required long TpmReservedUnusedTokens { get; init; }

    public required WholeTraceResult WholeTrace { get; init; }

    public required IReadOnlyList<WarningItem> Warnings { get; init; }

    public required IReadOnlyList<AssumptionItem> Assumptions { get; init; }
}
