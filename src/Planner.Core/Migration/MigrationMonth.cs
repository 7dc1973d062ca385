using Planner.Core.Units;

namespace Planner.Core.Migration;

/// <summary>One month before and after a move (mean costs; exact when the projection is).</summary>
/// <param name="Month">1-based month.</param>
/// <param name="Before">The month on the current model, as if it kept running.</param>
/// <param name="After">The month on the candidate.</param>
/// <param name="CurrentShutDown">True when the current model is shut down for all or part of the month (Before is then hypothetical).</param>
public sealed record MigrationMonth(int Month, Usd Before, Usd After, bool CurrentShutDown)
{
    /// <summary>After - before.</summary>
    public Usd Change => After - Before;

    /// <summary>The change in percent of before, or null when before is 0.</summary>
    public decimal? ChangePercent => Before == Usd.Zero ? null : Math.Round((After - Before).Value / Before.Value * 100m, 2, MidpointRounding.AwayFromZero);
}
