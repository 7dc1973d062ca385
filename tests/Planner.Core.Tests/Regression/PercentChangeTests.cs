using Planner.Core.Regression;

namespace Planner.Core.Tests.Regression;

public class PercentChangeTests
{
    [Theory]
    [InlineData(0.60, 2.50)]
    [InlineData(10, 12)]
    [InlineData(2.40, 2.40)]
    [InlineData(32, 0)]
    [InlineData(3, 4)]
    public void Of_IsNewMinusOldOverOldTimes100(decimal old, decimal @new) =>
        PercentChange.Of(old, @new).Should().Be((@new - old) / old * 100);

    [Fact]
    public void Of_FromZero_IsUndefined() => PercentChange.Of(0, 5).Should().BeNull();

    [Fact]
    public void Of_WorkedExamples()
    {
        PercentChange.Of(0.60m, 2.50m).Should().Be(1.90m / 0.60m * 100); // 316.666...%
        PercentChange.Of(10m, 12m).Should().Be(20m);
        PercentChange.Of(20m, 0m).Should().Be(-100m);
    }

    [Fact]
    public void RisesBeyondAndFallsBeyond_AreStrictAtTheBoundary()
    {
        PercentChange.RisesBeyond(3m, 4m, 33m).Should().BeTrue();      // +33.33...% > 33%
        PercentChange.RisesBeyond(4m, 5m, 25m).Should().BeFalse();     // +25% exactly
        PercentChange.FallsBeyond(4m, 3m, 25m).Should().BeFalse();     // -25% exactly
        PercentChange.FallsBeyond(4m, 2.99m, 25m).Should().BeTrue();
    }
}
