namespace Planner.Core.Projection;

/// <summary>Every default of a projection, in one place (pinned by a test).</summary>
public static class ProjectionDefaults
{
    /// <summary>Months projected: 12.</summary>
    public const int Months = 12;

    /// <summary>Monte Carlo runs (simulated months per month of the horizon): 10,000.</summary>
    public const int Runs = 10_000;

    /// <summary>The random seed: 1.</summary>
    public const int Seed = 1;

    /// <summary>A month is 30 days.</summary>
    public const int DaysPerMonth = 30;

    /// <summary>Monthly growth of traffic, in percent: 0.</summary>
    public const decimal GrowthPercent = 0m;

    /// <summary>Traffic multiplier: 1.</summary>
    public const decimal Scale = 1m;

    /// <summary>A stream's month with more requests than this is sampled as an aggregate (its token
    /// totals drawn from their exact moments) rather than request by request: 1,000.</summary>
    public const long AggregateAbove = 1_000;

    /// <summary>How many requests per model the workload learner keeps to resample from (a seeded
    /// bottom-k sample, so memory does not grow with the trace, and a trace read in chunks learns the same): 100,000.</summary>
    public const int SampleSize = 100_000;

    /// <summary>The quantile of per-minute arrivals taken as peak traffic: 0.99.</summary>
    public const double PeakQuantile = 0.99;

    /// <summary>The quantile of monthly spend that must fit under a tier's monthly usage limit: 0.99.</summary>
    public const double SpendQuantile = 0.99;

    /// <summary>A trace spanning more than this many days learns arrivals by day of week as well as hour: 7.</summary>
    public const int DayOfWeekAfterDays = 7;

    /// <summary>The prior median of the day-to-day coefficient of variation of a learned workload's daily rate: 0.2.</summary>
    public const double DailySpreadMedian = 0.2;

    /// <summary>The prior's log standard deviation: 0.75 (90% of the prior between 6% and 69%).</summary>
    public const double DailySpreadLogSd = 0.75;

    /// <summary>A trace with fewer day-long windows than this has its day-to-day spread rest mainly on the prior,
    /// and the projection warns: 7.</summary>
    public const int DaysToLearnSpread = 7;
}
