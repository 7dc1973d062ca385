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

    [Theory]
    [InlineData(10_000_000)] // exactly 1.000 s
    [InlineData(9_980_000)]  // 0.998 s
    public void PercentileAtMost_P99AtOrJustUnderTheObjective_MeetsItExactly(long p99Ticks)
    {
        // 990 delays at the p99 and 10 far above: the 990th of 1,000 is the p99, at or under 1 s.
        var histogram = new DelayHistogram();
        histogram.Track(TimeSpan.FromSeconds(1));
        for (int i = 0; i < 990; i++)
        {
            histogram.Add(p99Ticks);
        }

        for (int i = 0; i < 10; i++)
        {
            histogram.Add(TimeSpan.FromSeconds(5).Ticks);
        }

        histogram.Percentile(0.99).Should().BeGreaterThan(TimeSpan.FromSeconds(1), "the histogram's bucket reads high");
        histogram.CountAbove.Should().Be(10);
        histogram.PercentileAtMost(0.99, TimeSpan.FromSeconds(1)).Should().BeTrue();
    }

    [Fact]
    public void PercentileAtMost_OneDelayTooManyAbove_FailsTheObjective()
    {
        var histogram = new DelayHistogram();
        histogram.Track(TimeSpan.FromSeconds(1));
        for (int i = 0; i < 989; i++)
        {
            histogram.Add(TimeSpan.FromSeconds(1).Ticks);
        }

        for (int i = 0; i < 11; i++)
        {
            histogram.Add(TimeSpan.FromSeconds(1).Ticks + 1);
        }

        histogram.PercentileAtMost(0.99, TimeSpan.FromSeconds(1)).Should().BeFalse("11 of 1,000 delays exceed 1 s: the 990th is above it");
    }

    [Fact]
    public void Track_AfterValues_Throws()
    {
        var histogram = new DelayHistogram();
        histogram.Add(1);

        var act = () => histogram.Track(TimeSpan.FromSeconds(1));

        act.Should().Throw<InvalidOperationException>();
    }
}
