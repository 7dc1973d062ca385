namespace Planner.Core.Simulation;

/// <summary>What a client does when a request would exceed the tier's limits.</summary>
public enum OnLimit
{
    /// <summary>A client-side limiter: the request waits, first come first served, until both buckets hold enough.</summary>
    Queue,

    /// <summary>The request is sent, gets a 429 and retries with random exponential backoff.</summary>
    Retry,
}
