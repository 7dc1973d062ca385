using Planner.Core.Projection;

namespace Planner.Core.Tests.Projection;

public class ProjectionDefaultsTests
{
    [Fact]
    public void Defaults_ArePinned()
    {
        ProjectionDefaults.Months.Should().Be(12);
        ProjectionDefaults.Runs.Should().Be(10_000);
        ProjectionDefaults.Seed.Should().Be(1);
        ProjectionDefaults.DaysPerMonth.Should().Be(30);
        ProjectionDefaults.GrowthPercent.Should().Be(0m);
        ProjectionDefaults.Scale.Should().Be(1m);
        ProjectionDefaults.AggregateAbove.Should().Be(1_000);
        ProjectionDefaults.SampleSize.Should().Be(100_000);
        ProjectionDefaults.PeakQuantile.Should().Be(0.99);
        ProjectionDefaults.SpendQuantile.Should().Be(0.99);
        ProjectionDefaults.DayOfWeekAfterDays.Should().Be(7);
    }

    [Fact]
    public void Options_DefaultToTheDefaults()
    {
        var options = new ProjectionOptions();

        options.Months.Should().Be(ProjectionDefaults.Months);
        options.Runs.Should().Be(ProjectionDefaults.Runs);
        options.Seed.Should().Be(ProjectionDefaults.Seed);
        options.GrowthPercent.Should().Be(ProjectionDefaults.GrowthPercent);
        options.Scale.Should().Be(ProjectionDefaults.Scale);
        options.Budget.Should().BeNull();
        options.AggregateAbove.Should().Be(ProjectionDefaults.AggregateAbove);
    }
}
