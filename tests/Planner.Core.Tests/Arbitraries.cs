using FsCheck;
using FsCheck.Fluent;
using Planner.Core.Units;

namespace Planner.Core.Tests;

/// <summary>Tokens on one meter of one request: from 0 to <see cref="TokenCount.MaxPerRequest"/>, weighted to reach
/// the real range (small requests, full context windows, and values at the bound) rather than FsCheck's default of about 50.</summary>
public readonly record struct MeterTokens(long Value);

/// <summary>A number of requests: from 1 to 10^12 (the most --requests takes), often in the millions.</summary>
public readonly record struct RequestCount(long Value);

/// <summary>A gap between two requests in virtual time: from 0 to 6 hours, in ticks (milliseconds, minutes and hours all occur).</summary>
public readonly record struct TimeGap(long Ticks)
{
    public TimeSpan Span => TimeSpan.FromTicks(Ticks);
}

/// <summary>The shared generators of the property tests (STYLE.md §9: generators that reach real ranges).
/// Use with <c>[Property(Arbitrary = [typeof(Arbitraries)])]</c>.</summary>
public static class Arbitraries
{
    public static Arbitrary<MeterTokens> MeterTokens() => Arb.From(
        Gen.Frequency(
            (3, Long(0, 1_000)),
            (3, Long(0, 200_000)),
            (2, Long(0, TokenCount.MaxPerRequest)),
            (1, Long(TokenCount.MaxPerRequest - 1_000, TokenCount.MaxPerRequest)),
            (1, Gen.Elements(0L, 1L, TokenCount.MaxPerRequest)))
        .Select(v => new MeterTokens(v)));

    public static Arbitrary<RequestCount> RequestCount() => Arb.From(
        Gen.Frequency(
            (2, Long(1, 100)),
            (3, Long(1, 10_000_000)),
            (2, Long(1_000_000, 1_000_000_000)),
            (1, Long(1_000_000_000_000 - 1_000, 1_000_000_000_000)))
        .Select(v => new RequestCount(v)));

    public static Arbitrary<TimeGap> TimeGap() => Arb.From(
        Gen.Frequency(
            (4, Long(0, TimeSpan.TicksPerSecond)),
            (3, Long(0, 2 * TimeSpan.TicksPerMinute)),
            (1, Long(0, 6 * TimeSpan.TicksPerHour)))
        .Select(v => new TimeGap(v)));

    private static Gen<long> Long(long from, long to) => FsCheck.FSharp.Gen.Choose64(from, to);
}
