using System.Runtime.CompilerServices;

namespace Planner.Core.Simulation;

/// <summary>A rate limit as a token bucket on virtual time: it starts full, holds at most
/// limit x burst window / 60 s, and refills continuously at limit / 60 per second. Mutable; time is an argument.</summary>
/// <remarks>The burst window shapes the rate; it does not cap a request's size (FACTS.md section 4: OpenAI quantizes a
/// per-minute limit over shorter windows, yet accepts one request up to the whole per-minute limit). So a request
/// larger than the bucket's capacity is admitted once the bucket is full and takes the level below zero: a debt the
/// refill pays off before anything else is admitted. Any request up to the per-minute limit is admissible; over a
/// long run the bucket admits at most the limit a minute.</remarks>
/// <remarks>Exact integer arithmetic: the level is kept in units of 1 / (ticks per minute) of a token, so one
/// tick (100 ns) of refill adds exactly <c>limit</c> units and no rounding accumulates. Waits round up to the tick.</remarks>
public sealed class TokenBucket
{
    private const long Scale = TimeSpan.TicksPerMinute;
    private const long MinLevel = long.MinValue / 4;

    private readonly long _limit;
    private readonly long _burstTicks;
    private readonly long _capacity;
    private long _level;
    private long _now;

    /// <summary>Creates a full bucket at <paramref name="startTicks"/>.</summary>
    /// <param name="limitPerMinute">The per-minute limit. Must be > 0.</param>
    /// <param name="burstWindow">Capacity = limit x burstWindow / 60 s. Must be > 0 and at most 3,600 s.</param>
    /// <param name="startTicks">The virtual time the bucket starts at.</param>
    public TokenBucket(long limitPerMinute, TimeSpan burstWindow, long startTicks = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limitPerMinute);
        if (burstWindow <= TimeSpan.Zero || burstWindow > SimulationDefaults.MaxBurstWindow)
        {
            throw new ArgumentOutOfRangeException(nameof(burstWindow), burstWindow, "must be > 0 and at most 3,600 s");
        }

        if (!Fits(limitPerMinute, burstWindow))
        {
            throw new ArgumentOutOfRangeException(nameof(limitPerMinute), limitPerMinute, $"must be at most {MaxLimit(burstWindow):N0} with a {burstWindow.TotalSeconds} s burst window");
        }

        _limit = limitPerMinute;
        _burstTicks = burstWindow.Ticks;
        _capacity = limitPerMinute * _burstTicks;
        _level = _capacity;
        _now = startTicks;
    }

    /// <summary>The largest per-minute limit a bucket with <paramref name="burstWindow"/> can hold exactly: its level,
    /// kept in 1 / (ticks per minute) of a token, plus a refill must stay within a long.</summary>
    public static long MaxLimit(TimeSpan burstWindow) => long.MaxValue / 2 / Math.Max(Scale, burstWindow.Ticks);

    /// <summary>True when a bucket of <paramref name="limitPerMinute"/> with <paramref name="burstWindow"/> can be made.</summary>
    public static bool Fits(long limitPerMinute, TimeSpan burstWindow) => limitPerMinute <= MaxLimit(burstWindow);

    /// <summary>The per-minute limit.</summary>
    public long LimitPerMinute => _limit;

    /// <summary>The most the bucket holds, in tokens (may be fractional).</summary>
    public decimal Capacity => _capacity / (decimal)Scale;

    /// <summary>What the bucket holds now, in tokens.</summary>
    public decimal Level => _level / (decimal)Scale;

    /// <summary>True when <paramref name="amount"/> can ever be taken: at most the per-minute limit (an amount over the
    /// capacity is taken from a full bucket, into debt).</summary>
    public bool CanEverHold(long amount) => amount <= _limit;

    /// <summary>The level, in units, that taking <paramref name="amount"/> needs: the amount, or a full bucket when the
    /// amount is larger than the capacity.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long Needed(long amount) => Math.Min(amount * Scale, _capacity);

    /// <summary>Refills up to <paramref name="now"/>; an earlier time changes nothing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Advance(long now)
    {
        long elapsed = now - _now;
        if (elapsed <= 0)
        {
            return;
        }

        _now = now;
        if (_level >= 0)
        {
            // From zero or more a whole window refills it; below a window, limit x elapsed < capacity.
            _level = elapsed >= _burstTicks ? _capacity : Math.Min(_capacity, _level + (_limit * elapsed));
            return;
        }

        // In debt (after TakeOwing): ticks to refill to full; past that it is full, below it limit x elapsed fits a long.
        long toFull = ((_capacity - _level) / _limit) + 1;
        _level = elapsed >= toFull ? _capacity : Math.Min(_capacity, _level + (_limit * elapsed));
    }

    /// <summary>True when <paramref name="amount"/> can be taken now: at most the per-minute limit, and the bucket holds
    /// it (or is full, for an amount over its capacity).</summary>
    public bool Has(long amount) => amount <= _limit && _level >= Needed(amount);

    /// <summary>Ticks until the bucket holds <paramref name="amount"/> (0 when it does now).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long TicksUntil(long amount)
    {
        long deficit = Needed(amount) - _level;
        return deficit <= 0 ? 0 : ((deficit - 1) / _limit) + 1;
    }

    /// <summary>Takes <paramref name="amount"/>; the caller has checked <see cref="Has"/>. An amount over the capacity
    /// leaves the bucket in debt.</summary>
    public void Take(long amount) => _level -= amount * Scale;

    /// <summary>Takes <paramref name="amount"/> even when the bucket holds less: the level goes below zero, a debt the
    /// refill pays off before anything can be taken again (an attempt that was refused still counts against the
    /// limit). The debt is bounded by a quarter of a long's range.</summary>
    public void TakeOwing(long amount) => _level = Math.Max(MinLevel, _level - (amount * Scale));
}
