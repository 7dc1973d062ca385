namespace Planner.Core.Projection;

/// <summary>How a stream's daily request count varies.</summary>
public enum ArrivalKind
{
    /// <summary>Exactly the mean every day (no spread).</summary>
    Fixed,

    /// <summary>Each day's count is normal with the given mean and standard deviation (truncated at 0), days independent.</summary>
    Normal,

    /// <summary>Requests arrive as a Poisson process: a month's count is Poisson with mean 30 x the daily mean.</summary>
    Poisson,
}
