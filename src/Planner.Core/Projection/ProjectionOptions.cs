using System.Globalization;
using Planner.Core.Units;

namespace Planner.Core.Projection;

/// <summary>How a projection runs. Validated by <see cref="Validate"/> before use.</summary>
public sealed record ProjectionOptions
{
    /// <summary>Months in the horizon. The default value is 12. Must be 1 to 600.</summary>
    public int Months { get; init; } = ProjectionDefaults.Months;

    /// <summary>Monte Carlo runs. The default value is 10,000. Must be 1 to 10,000,000.</summary>
    public int Runs { get; init; } = ProjectionDefaults.Runs;

    /// <summary>The random seed. The default value is 1.</summary>
    public int Seed { get; init; } = ProjectionDefaults.Seed;

    /// <summary>Monthly traffic growth in percent: month k's traffic is base x (1 + growth/100)^(k-1).
    /// The default value is 0. Must be > -100.</summary>
    public decimal GrowthPercent { get; init; } = ProjectionDefaults.GrowthPercent;

    /// <summary>Multiplies all traffic (what-if). The default value is 1. Must be >= 0.</summary>
    public decimal Scale { get; init; } = ProjectionDefaults.Scale;

    /// <summary>A monthly budget; each month reports the probability of exceeding it. The default value is none.</summary>
    public Usd? Budget { get; init; }

    /// <summary>Above this many requests a month a stream is sampled in aggregate. The default value is 1,000. Must be >= 0.</summary>
    public long AggregateAbove { get; init; } = ProjectionDefaults.AggregateAbove;

    /// <summary>Throws a <see cref="PlannerException"/> naming the first bad option.</summary>
    public ProjectionOptions Validate()
    {
        if (Months is < 1 or > 600)
        {
            Fail("months", $"months must be 1 to 600, got {Months}");
        }

        if (Runs is < 1 or > 10_000_000)
        {
            Fail("runs", $"runs must be 1 to 10,000,000, got {Runs}");
        }

        if (GrowthPercent <= -100m)
        {
            Fail("growth", $"growth must be > -100 (percent a month), got {GrowthPercent.ToString(CultureInfo.InvariantCulture)}");
        }

        if (Scale < 0m)
        {
            Fail("scale", $"scale must be >= 0, got {Scale.ToString(CultureInfo.InvariantCulture)}");
        }

        if (Budget is { } budget && budget < Usd.Zero)
        {
            Fail("budget", $"budget must be >= 0, got {budget.Value.ToString(CultureInfo.InvariantCulture)}");
        }

        if (AggregateAbove < 0)
        {
            Fail("aggregate_above", $"aggregate threshold must be >= 0, got {AggregateAbove}");
        }

        try
        {
            _ = checked((double)TrafficFactor(Months));
        }
        catch (OverflowException)
        {
            Fail("growth", $"growth {GrowthPercent.ToString(CultureInfo.InvariantCulture)}% a month over {Months} months grows traffic beyond what can be computed exactly; shorten months or lower growth");
        }

        return this;
    }

    /// <summary>Month <paramref name="month"/>'s traffic factor, exactly: scale x (1 + growth/100)^(month-1).</summary>
    public decimal TrafficFactor(int month)
    {
        decimal growth = 1m + (GrowthPercent / 100m);
        decimal factor = Scale;
        for (int k = 1; k < month; k++)
        {
            factor *= growth;
        }

        return factor;
    }

    private static void Fail(string field, string message) => throw new PlannerException(PlannerErrorKind.InvalidArgument, field, message);
}
