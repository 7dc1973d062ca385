using Planner.Core.Projection;
using Planner.Core.Units;

namespace Planner.Core.Tests.Projection;

public class ProjectionOptionsTests
{
    [Fact]
    public void TrafficFactor_CompoundsGrowthExactly()
    {
        var options = new ProjectionOptions { GrowthPercent = 10m, Scale = 2m };

        options.TrafficFactor(1).Should().Be(2m);
        options.TrafficFactor(2).Should().Be(2m * 1.1m);
        options.TrafficFactor(3).Should().Be(2m * 1.1m * 1.1m);
    }

    [Theory]
    [InlineData(-100, "growth must be > -100 (percent a month), got -100")]
    [InlineData(-150, "growth must be > -100 (percent a month), got -150")]
    public void Validate_GrowthAtOrBelowMinus100_IsRefused(int growth, string message)
    {
        var act = () => new ProjectionOptions { GrowthPercent = growth }.Validate();

        act.Should().Throw<PlannerException>().WithMessage(message);
    }

    [Fact]
    public void Validate_GrowthBeyondDecimalRange_IsRefused()
    {
        // 2^600 is far beyond decimal's 7.9 x 10^28.
        var act = () => new ProjectionOptions { GrowthPercent = 100m, Months = 600 }.Validate();

        act.Should().Throw<PlannerException>().WithMessage("growth 100% a month over 600 months grows traffic beyond what can be computed exactly; shorten months or lower growth");
    }

    [Fact]
    public void Validate_BadValues_NameTheOption()
    {
        FluentActions.Invoking(() => new ProjectionOptions { Months = 0 }.Validate()).Should().Throw<PlannerException>().WithMessage("months must be 1 to 600, got 0");
        FluentActions.Invoking(() => new ProjectionOptions { Runs = 0 }.Validate()).Should().Throw<PlannerException>().WithMessage("runs must be 1 to 10,000,000, got 0");
        FluentActions.Invoking(() => new ProjectionOptions { Scale = -1m }.Validate()).Should().Throw<PlannerException>().WithMessage("scale must be >= 0, got -1");
        FluentActions.Invoking(() => new ProjectionOptions { Budget = Usd.FromDollars(-5m) }.Validate()).Should().Throw<PlannerException>().WithMessage("budget must be >= 0, got -5");
    }

    [Fact]
    public void Validate_BadMonths_NamesTheFieldForTheShellToMap()
    {
        FluentActions.Invoking(() => new ProjectionOptions { Months = 0 }.Validate()).Should().Throw<PlannerException>()
            .Which.Field.Should().Be("months");
    }
}
