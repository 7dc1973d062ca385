using FsCheck;
using FsCheck.Fluent;
using Planner.Core.Simulation;

namespace Planner.Core.Tests.Simulation;

public class DelayHistogramTests
{
    [Fact]
    public void Empty_ReportsZero()
    {
        var histogram = new DelayHistogram();
        histogram.Percentile(0.99).Should().Be(TimeSpan.Zero);
        histogram.Max.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Max_IsExact()
    {
        var histogram = new DelayHistogram();
        histogram.Add(TimeSpan.FromSeconds(60).Ticks);
        histogram.Add(123);

        histogram.Max.Should().Be(TimeSpan.FromSeconds(60));
        histogram.Percentile(1.0).Should().Be(TimeSpan.FromSeconds(60));
    }

    /// <summary>A percentile is never below the true one and at most 1/128 above it.</summary>
    [FsCheck.Xunit.Property(MaxTest = 200)]
    public void Percentile_IsWithinTheStatedBound(NonNegativeInt[] raw, PositiveInt permille)
    {
        if (raw.Length == 0)
        {
            return;
        }

        var values = raw.Select(v => (long)v.Get * 997).OrderBy(v => v).ToArray();
        var histogram = new DelayHistogram();
        foreach (long v in values)
        {
            histogram.Add(v);
        }

        double p = ((permille.Get % 1000) + 1) / 1000.0;
        long truth = values[(int)Math.Max(1, Math.Ceiling(p * values.Length)) - 1];
        long reported = histogram.Percentile(p).Ticks;

        reported.Should().BeGreaterThanOrEqualTo(truth);
        ((double)reported).Should().BeLessThanOrEqualTo(truth * (1 + (1 / 128.0)));
    }
}
