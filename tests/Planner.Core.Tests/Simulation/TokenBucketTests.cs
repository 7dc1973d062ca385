using FsCheck;
using FsCheck.Fluent;
using Planner.Core.Simulation;

namespace Planner.Core.Tests.Simulation;

public class TokenBucketTests
{
    private static readonly long Second = TimeSpan.TicksPerSecond;

    [Fact]
    public void New_StartsFullAtTheLimit()
    {
        var bucket = new TokenBucket(500, TimeSpan.FromSeconds(60));

        bucket.Capacity.Should().Be(500);
        bucket.Level.Should().Be(500);
    }

    [Fact]
    public void LargestLimit_RefillsWithoutOverflow_OneMoreIsRefused()
    {
        // (2^63 - 1) / 2 / 3.6e10 ticks, rounded down.
        var hour = TimeSpan.FromHours(1);
        TokenBucket.MaxLimit(hour).Should().Be(128_102_389);
        var bucket = new TokenBucket(128_102_389, hour);
        // Capacity: 128,102,389 x 3,600 / 60 = 7,686,143,340 tokens; empty it.
        bucket.Take(7_686_143_340);

        bucket.Advance(hour.Ticks - 1);

        // One tick short of the window: a tick's refill (limit / ticks per minute of a token) short of full.
        bucket.Level.Should().Be(7_686_143_340m - (128_102_389m / TimeSpan.TicksPerMinute));
        var tooLarge = () => new TokenBucket(128_102_390, hour);
        tooLarge.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void BurstWindow_ShrinksTheCapacity()
    {
        // 500 RPM x 6 s / 60 s = 50 requests.
        new TokenBucket(500, TimeSpan.FromSeconds(6)).Capacity.Should().Be(50);
    }

    [Fact]
    public void Empty_RefillsAtLimitOverSixtyPerSecond()
    {
        var bucket = new TokenBucket(500, TimeSpan.FromSeconds(60));
        bucket.Take(500);

        // One request needs 1 / (500 / 60) s = 0.12 s.
        bucket.TicksUntil(1).Should().Be(12 * Second / 100);
        bucket.Advance(3 * Second);
        bucket.Level.Should().Be(3 * 500 / 60m);
    }

    [Fact]
    public void Refill_NeverExceedsCapacity()
    {
        var bucket = new TokenBucket(30_000, TimeSpan.FromSeconds(60));
        bucket.Take(10_000);

        bucket.Advance(3_600 * Second);

        bucket.Level.Should().Be(30_000);
    }

    [Fact]
    public void TakeOwing_GoesIntoDebt_ThatTheRefillPaysFirst()
    {
        // 60 a minute: one a second. Empty, then two refused attempts owe 2; one more token needs 3 s of refill.
        var bucket = new TokenBucket(60, TimeSpan.FromSeconds(60));
        bucket.Take(60);
        bucket.TakeOwing(1);
        bucket.TakeOwing(1);

        bucket.Level.Should().Be(-2);
        bucket.TicksUntil(1).Should().Be(3 * Second);
        bucket.Advance(2 * Second);
        bucket.Has(1).Should().BeFalse();
        bucket.Advance(3 * Second);
        bucket.Has(1).Should().BeTrue();
    }

    [Fact]
    public void Debt_AWholeWindowLater_IsNotYetFull()
    {
        // Owing 30 of a 60-token bucket: a full window (60 s) of refill brings it to 30, not to full.
        var bucket = new TokenBucket(60, TimeSpan.FromSeconds(60));
        bucket.Take(60);
        bucket.TakeOwing(30);

        bucket.Advance(60 * Second);

        bucket.Level.Should().Be(30);
        bucket.Advance(90 * Second);
        bucket.Level.Should().Be(60);
    }

    /// <summary>In any window, no more is taken than capacity + refill x elapsed, plus what the window's last take left
    /// owing (a take over the capacity goes from a full bucket into debt); nothing over the per-minute limit is taken.</summary>
    [FsCheck.Xunit.Property(MaxTest = 100)]
    public void Taken_InAnyWindow_IsAtMostCapacityPlusRefill(PositiveInt limit, PositiveInt burstSeconds, (NonNegativeInt Gap, PositiveInt Amount)[] attempts)
    {
        long rate = (limit.Get % 10_000) + 1;
        var burst = TimeSpan.FromSeconds((burstSeconds.Get % 120) + 1);
        var bucket = new TokenBucket(rate, burst);
        var taken = new List<(long At, long Amount)>();
        long now = 0;
        foreach (var (gap, amount) in attempts)
        {
            now += gap.Get % (10 * TimeSpan.TicksPerSecond);
            long want = (amount.Get % (rate * 2)) + 1;
            bucket.Advance(now);
            if (bucket.Has(want))
            {
                bucket.Take(want);
                taken.Add((now, want));
            }
        }

        for (int i = 0; i < taken.Count; i++)
        {
            long sum = 0;
            for (int j = i; j < taken.Count; j++)
            {
                sum += taken[j].Amount;
                long elapsed = taken[j].At - taken[i].At;
                // Exact: sum x ticks/min <= rate x burst ticks + rate x elapsed ticks + the last take's excess over the capacity.
                Int128 capacity = (Int128)rate * burst.Ticks;
                Int128 overshoot = Int128.Max(0, ((Int128)taken[j].Amount * TimeSpan.TicksPerMinute) - capacity);
                ((Int128)sum * TimeSpan.TicksPerMinute).Should().BeLessThanOrEqualTo(capacity + ((Int128)rate * elapsed) + overshoot);
                taken[j].Amount.Should().BeLessThanOrEqualTo(rate);
            }
        }
    }
}
