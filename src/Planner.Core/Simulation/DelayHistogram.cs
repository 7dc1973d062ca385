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

    /// <summary>The threshold whose exceedances are counted exactly (see <see cref="Track"/>), or null.</summary>
    public TimeSpan? Threshold { get; private set; }

    /// <summary>Values added strictly above <see cref="Threshold"/> (exact; 0 without a threshold).</summary>
    public long CountAbove { get; private set; }

    /// <summary>Counts the values above <paramref name="threshold"/> exactly from now on, so that
    /// <see cref="PercentileAtMost"/> decides against it exactly. Must be called before any value is added.</summary>
    public void Track(TimeSpan threshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threshold.Ticks, nameof(threshold));
        if (Count > 0)
        {
            throw new InvalidOperationException("a threshold must be tracked before any value is added");
        }

        Threshold = threshold;
    }

    /// <summary>True when the <paramref name="p"/> percentile (nearest rank: the ceil(p n)-th smallest value) is at
    /// most <paramref name="limit"/>. Exact when <paramref name="limit"/> is the tracked <see cref="Threshold"/>: the
    /// percentile is at most the limit iff at most n - ceil(p n) values exceed it. Otherwise decided on the
    /// histogram, whose percentile reads up to 0.79% high (so a true answer is certain, a false one may not be).</summary>
    public bool PercentileAtMost(double p, TimeSpan limit)
    {
        if (!(p > 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "must be in (0, 1]");
        }

        if (Threshold == limit)
        {
            long rank = Math.Max(1, (long)Math.Ceiling(p * Count));
            return Count == 0 || CountAbove <= Count - rank;
        }

        return Percentile(p) <= limit;
    }

    /// <summary>Adds a duration in ticks (>= 0).</summary>
    public void Add(long ticks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ticks);
        if (Threshold is { } threshold && ticks > threshold.Ticks)
        {
            CountAbove++;
        }

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
