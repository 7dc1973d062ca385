using System.Numerics;

namespace Planner.Core.Simulation;

/// <summary>Percentiles of non-negative durations over any number of values, in fixed memory (7,296 counters,
/// about 57 KB). Values below 25.6 µs are counted exactly; above, each counter spans at most 1/128 of its
/// value, so a percentile is reported at most 0.79% above the true one (never below). The maximum is exact.</summary>
public sealed class DelayHistogram
{
    private const int Exact = 256;
    private const int SubBuckets = 128;
    private const int Size = Exact + (55 * SubBuckets);

    private readonly long[] _counts = new long[Size];

    /// <summary>Values added.</summary>
    public long Count { get; private set; }

    /// <summary>The largest value added, exactly (0 when none).</summary>
    public TimeSpan Max => TimeSpan.FromTicks(MaxTicks);

    private long MaxTicks { get; set; }

    /// <summary>Adds a duration in ticks (>= 0).</summary>
    public void Add(long ticks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ticks);
        _counts[Index(ticks)]++;
        Count++;
        if (ticks > MaxTicks)
        {
            MaxTicks = ticks;
        }
    }

    /// <summary>The smallest recorded bucket bound at or above the given fraction of values (0 &lt; p &lt;= 1),
    /// never more than <see cref="Max"/>; zero when empty.</summary>
    public TimeSpan Percentile(double p)
    {
        if (!(p > 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "must be in (0, 1]");
        }

        if (Count == 0)
        {
            return TimeSpan.Zero;
        }

        long rank = Math.Max(1, (long)Math.Ceiling(p * Count));
        long seen = 0;
        for (int i = 0; i < Size; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return TimeSpan.FromTicks(Math.Min(UpperBound(i), MaxTicks));
            }
        }

        return Max;
    }

    internal static int Index(long value)
    {
        if (value < Exact)
        {
            return (int)value;
        }

        int shift = 63 - BitOperations.LeadingZeroCount((ulong)value) - 7;
        long mantissa = value >> shift;
        return Exact + ((shift - 1) * SubBuckets) + (int)(mantissa - SubBuckets);
    }

    internal static long UpperBound(int index)
    {
        if (index < Exact)
        {
            return index;
        }

        int shift = ((index - Exact) / SubBuckets) + 1;
        long mantissa = ((index - Exact) % SubBuckets) + SubBuckets;
        long bound = unchecked((mantissa + 1) << shift);
        return bound <= 0 ? long.MaxValue : bound - 1;
    }
}
