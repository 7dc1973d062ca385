using System.Globalization;

namespace Planner.Core.Projection;

/// <summary>The prior belief about how much a workload's daily rate varies from day to day (its coefficient
/// of variation), used where a trace has too few days to measure it: log-normal with this median and log
/// standard deviation.</summary>
/// <param name="Median">The median coefficient of variation. The default value is 0.2 (20%). Must be in (0, 3].</param>
/// <param name="LogSd">The standard deviation of its logarithm. The default value is 0.75. Must be in (0, 5].</param>
public sealed record DailySpreadPrior(double Median = ProjectionDefaults.DailySpreadMedian, double LogSd = ProjectionDefaults.DailySpreadLogSd)
{
    /// <summary>The default prior.</summary>
    public static DailySpreadPrior Default { get; } = new();

    /// <summary>Throws a <see cref="PlannerException"/> for a value out of range.</summary>
    public DailySpreadPrior Validate()
    {
        if (!(Median > 0 && Median <= 3))
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument,
                $"the assumed day-to-day spread must be in (0, 3] (a coefficient of variation, 0.2 = 20%), got {Median.ToString(CultureInfo.InvariantCulture)}");
        }

        if (!(LogSd > 0 && LogSd <= 5))
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument,
                $"the prior's log standard deviation must be in (0, 5], got {LogSd.ToString(CultureInfo.InvariantCulture)}");
        }

        return this;
    }
}
