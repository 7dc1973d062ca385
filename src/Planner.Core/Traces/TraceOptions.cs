using Planner.Core.Catalog;

namespace Planner.Core.Traces;

/// <summary>How a trace is read.</summary>
public sealed record TraceOptions
{
    /// <summary>When true, bad rows are counted and listed (the first 20) and excluded; when false
    /// (the default) the first bad row stops the read with file:line and the reason.</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>Audio-token rates to use instead of the catalog's (an override the output states), or null.</summary>
    public AudioTokenRates? AudioTokenRates { get; init; }

    /// <summary>When true, reaching the end of a trace without one valid request throws a
    /// <see cref="PlannerException"/> (a header-only trace, or every row rejected): the calculator's one
    /// rule for every command that reads traces. The default value is false (a library caller may want an empty sum).</summary>
    public bool RequireRequests { get; init; }

    /// <summary>Price every row on this model instead of the row's own (what-if), or null.</summary>
    public string? ModelOverride { get; init; }

    /// <summary>The input's format key (e.g. "response-log"), or null (the default) to detect it from the content.</summary>
    public string? Format { get; init; }

    /// <summary>What a Usage API input_tokens counts, or null (the default) to detect it from the numbers where
    /// they decide it and assume <see cref="Ingest.InputTokensDefinition.AllModalities"/> otherwise.</summary>
    public Ingest.InputTokensDefinition? InputTokens { get; init; }

    /// <summary>True when the requests feed a simulation: aggregate buckets are then spread over their width
    /// (and a 1d bucket is refused), and rows must be in time order. The default is false (pricing).</summary>
    public bool ForSimulation { get; init; }

    /// <summary>How a bucket's requests are spread over it for a simulation. The default is even spacing.</summary>
    public Ingest.BucketSpread Spread { get; init; } = Ingest.BucketSpread.Even;

    /// <summary>The seed of <see cref="Ingest.BucketSpread.Poisson"/>. The default value is 1.</summary>
    public int SpreadSeed { get; init; } = 1;

    /// <summary>Where events without a timestamp are placed (1 s apart in file order, from this instant), or null
    /// to reject them. The CLI gives the start of today (UTC) and states it.</summary>
    public DateTimeOffset? UntimedOrigin { get; init; }

    /// <summary>How a large CSV trace is read in chunks on several cores (<see cref="TraceChunks"/>). The default is
    /// <see cref="TraceChunking.Default"/>: files of 4 MiB and more, one chunk per core.</summary>
    public TraceChunking Chunking { get; init; } = TraceChunking.Default;
}
