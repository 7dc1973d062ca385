using Planner.Cli.Rendering;
using Planner.Core.Pricing;
using Planner.Core.Projection;

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

    private static ProjectionResult Project(decimal sd, params ProjectionTarget[] targets)
    {
        var catalog = Planner.Core.Catalog.Json.CatalogJson.Load(Path.Combine(CliRunner.DataDirectory, "catalog.json"));
        var mini = catalog.Resolve("gpt-audio-mini");
        var workload = Workload.FromShape(mini, Usage.Of(audioInput: 1_200, audioOutput: 1_200), 1_000m, sd);
        return Projector.Project(workload, targets.Length == 0 ? [ProjectionTarget.AsGiven] : targets,
            new ProjectionOptions { Months = 3, Runs = 500, GrowthPercent = 5m }, new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Series_IdenticalFigures_AreDrawnOnceUnderBothNames()
    {
        var catalog = Planner.Core.Catalog.Json.CatalogJson.Load(Path.Combine(CliRunner.DataDirectory, "catalog.json"));
        var mini = catalog.Resolve("gpt-audio-mini");
        var result = Project(100m, ProjectionTarget.On(mini), new ProjectionTarget("twin", mini));

        FanChart.Series(result).Select(s => s.Names).Should().Equal("gpt-audio-mini = twin");
    }

    [Fact]
    public void Build_ExactProjection_HasNoBand_YFromZero_XOnlyItsMonths_TitleWithTheGrowth()
    {
        using var plot = FanChart.Build(Project(0m), "gpt-audio-mini, 1,000 requests/day");

        plot.GetPlottables().OfType<ScottPlot.Plottables.FillY>().Should().BeEmpty();
        var limits = plot.Axes.GetLimits();
        limits.Bottom.Should().Be(0);
        limits.Left.Should().BeGreaterThan(0).And.BeLessThan(1);
        limits.Right.Should().BeGreaterThan(3).And.BeLessThan(4);
        plot.Axes.Title.Label.Text.Should().Contain("growth 5%/month");
    }

    [Fact]
    public void Build_MonteCarlo_HasABand()
    {
        using var plot = FanChart.Build(Project(100m), "gpt-audio-mini, 1,000 requests/day");

        plot.GetPlottables().OfType<ScottPlot.Plottables.FillY>().Should().ContainSingle();
    }
}
