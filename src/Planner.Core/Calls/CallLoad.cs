namespace Planner.Core.Calls;

/// <summary>How much call traffic to carry: calls in progress at once, or calls starting a minute.</summary>
public readonly record struct CallLoad
{
    private CallLoad(decimal? concurrent, decimal? perMinute)
    {
        ConcurrentCalls = concurrent;
        CallsPerMinute = perMinute;
    }

    /// <summary>Calls in progress at once, when given that way.</summary>
    public decimal? ConcurrentCalls { get; }

    /// <summary>Calls starting each minute, when given that way.</summary>
    public decimal? CallsPerMinute { get; }

    /// <summary>N calls in progress at once. Must be >= 0.</summary>
    public static CallLoad Concurrent(decimal calls) => new(calls, null);

    /// <summary>N calls starting a minute (in progress at once: N x the call's minutes, by Little's law). Must be >= 0.</summary>
    public static CallLoad PerMinute(decimal calls) => new(null, calls);

    /// <summary>Calls in progress at once for a call of <paramref name="callMinutes"/>.</summary>
    public decimal ConcurrentFor(decimal callMinutes) => ConcurrentCalls ?? (CallsPerMinute!.Value * callMinutes);
}
