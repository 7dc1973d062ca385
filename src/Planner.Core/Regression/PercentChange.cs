namespace Planner.Core.Regression;

/// <summary>Percentage changes worked out from exact decimals.</summary>
/// <remarks>The change is (new - old) / old x 100 in <see cref="decimal"/> (28 significant digits); it
/// is undefined when old is zero. Threshold checks never divide: "rose by more than P %" is
/// (new - old) x 100 &gt; P x old, which is exact at the boundary.</remarks>
public static class PercentChange
{
    /// <summary>(new - old) / old x 100, or null when <paramref name="old"/> is zero (no percentage of nothing).</summary>
    public static decimal? Of(decimal old, decimal @new) => old == 0 ? null : (@new - old) / old * 100m;

    /// <summary>True when <paramref name="new"/> is more than <paramref name="percent"/> % above
    /// <paramref name="old"/>; anything above zero counts when old is zero.</summary>
    public static bool RisesBeyond(decimal old, decimal @new, decimal percent) => (@new - old) * 100m > percent * old;

    /// <summary>True when <paramref name="new"/> is more than <paramref name="percent"/> % below <paramref name="old"/>.</summary>
    public static bool FallsBeyond(decimal old, decimal @new, decimal percent) => (old - @new) * 100m > percent * old;
}
