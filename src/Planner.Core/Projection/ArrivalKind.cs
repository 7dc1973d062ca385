namespace Planner.Core.Projection;

/// <summary>How a stream's daily request count varies.</summary>
public enum ArrivalKind
{
    /// <summary>Exactly the mean every day (no spread).</summary>
    Fixed,

    /// <summary>Each day's count has the given mean and standard deviation, days independent: a month's count has
    /// exactly 30x the daily mean and 30x the daily variance, and is drawn from the gamma distribution with those
    /// moments (never negative, close to normal when the spread is small against the mean).</summary>
    Spread,

    /// <summary>Requests arrive as a Poisson process: a month's count is Poisson with mean 30 x the daily mean.</summary>
    Poisson,
}
