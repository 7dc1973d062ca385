using Planner.Cli.Rendering;

namespace Planner.Cli.Tests.Rendering;

public class FanChartTests
{
    [Theory]
    [InlineData(1500.0, "$1,500")]
    [InlineData(0.0, "$0")]
    [InlineData(3.25, "$3.25")]
    [InlineData(3.5, "$3.50")]
    [InlineData(3.0, "$3.00")]
    [InlineData(0.001, "$0.001")]
    [InlineData(-250.0, "-$250")]
    public void MoneyTick_ShowsTheDecimalsTheTickNeeds(double value, string expected) =>
        FanChart.MoneyTick(value).Should().Be(expected);

    [Fact]
    public void MoneyTick_TicksOfASmallRange_AreDistinct()
    {
        // A $3.00 to $4.00 axis ticked every 5 cents: whole dollars would print "$3" twenty times.
        var ticks = Enumerable.Range(0, 21).Select(i => FanChart.MoneyTick(3 + (i * 0.05))).ToList();

        ticks.Should().OnlyHaveUniqueItems();
        ticks[1].Should().Be("$3.05");
    }
}
