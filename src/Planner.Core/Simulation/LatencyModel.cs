using System.Runtime.CompilerServices;

namespace Planner.Core.Simulation;

/// <summary>How long an admitted request takes to complete: time to first token + output tokens / output
/// speed. An assumption the output states; both figures are settable.</summary>
public sealed record LatencyModel
{
    /// <summary>Before the first output token. The default value is 0.5 s. Must be >= 0.</summary>
    public TimeSpan TimeToFirstToken { get; init; } = SimulationDefaults.TimeToFirstToken;

    /// <summary>Output tokens (text and audio) generated a second. The default value is 100. Must be > 0.</summary>
    public double OutputTokensPerSecond { get; init; } = SimulationDefaults.OutputTokensPerSecond;

    /// <summary>What is wrong with these settings, if anything.</summary>
    public IEnumerable<string> Problems()
    {
        if (TimeToFirstToken < TimeSpan.Zero)
        {
            yield return $"the time to first token must be >= 0 s, got {TimeToFirstToken.TotalSeconds} s";
        }

        if (!(OutputTokensPerSecond > 0) || double.IsInfinity(OutputTokensPerSecond))
        {
            yield return $"the output speed must be > 0 tokens/s, got {OutputTokensPerSecond}";
        }
    }

    /// <summary>From admission to completion, in ticks (rounded up), for <paramref name="outputTokens"/> tokens of
    /// output; at most <see cref="long.MaxValue"/> (a very slow speed never overflows).</summary>
    public long DurationTicks(long outputTokens)
    {
        var (ttft, perToken) = Rates();
        return DurationTicks(outputTokens, ttft, perToken);
    }

    /// <summary>The two figures <see cref="DurationTicks(long, long, double)"/> needs, worked out once for a replay.</summary>
    internal (long TtftTicks, double TicksPerOutputToken) Rates() => (TimeToFirstToken.Ticks, TimeSpan.TicksPerSecond / OutputTokensPerSecond);

    /// <summary>As <see cref="DurationTicks(long)"/>, from the figures of <see cref="Rates"/> (the simulator's hot path).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long DurationTicks(long outputTokens, long ttftTicks, double ticksPerOutputToken)
    {
        // A statistic, not money: double is enough, and clamping keeps a tiny speed from overflowing the cast. The
        // value is >= 0 and below 2^63 when cast (speeds are finite and > 0), so the unchecked cast is exact.
        double ticks = ttftTicks + Math.Ceiling(outputTokens * ticksPerOutputToken);
        return ticks >= long.MaxValue ? long.MaxValue : unchecked((long)ticks);
    }
}
