using Planner.Core.Units;

namespace Planner.Core.Traces;

/// <summary>The requests and exact cost of one hour or one day of a trace. Mutable while a trace is summed.</summary>
public sealed class TimeBucketTotals
{
    internal TimeBucketTotals(long index, long width)
    {
        Index = index;
        StartTicks = index * width;
        Start = new DateTimeOffset(StartTicks, TimeSpan.Zero);
    }

    internal long Index { get; }

    /// <summary>The bucket's first instant in UTC ticks.</summary>
    internal long StartTicks { get; }

    /// <summary>The bucket's first instant (UTC).</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Requests in the bucket.</summary>
    public long Requests { get; private set; }

    /// <summary>Their cost in picodollars.</summary>
    public Int128 Picodollars { get; private set; }

    /// <summary>Their cost.</summary>
    public Usd Total => Usd.FromPicodollars(Picodollars);

    internal void Add(long picodollars)
    {
        Requests = checked(Requests + 1);
        // Unchecked: each cost is below 2^63 and there are fewer than 2^63 of them (Requests is checked), so the sum
        // stays below 2^126 and cannot overflow 128 bits.
        Picodollars = unchecked(Picodollars + picodollars);
    }

    internal void Add(long requests, Int128 picodollars)
    {
        Requests = checked(Requests + requests);
        Picodollars += picodollars;
    }
}
