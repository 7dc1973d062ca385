using FsCheck.Xunit;
using Planner.Core.Pricing;
using Planner.Core.Regression;

namespace Planner.Core.Tests.Regression;

public class CostThresholdsTests
{
    /// <summary>An impact whose totals are exactly these dollar amounts (one request each).</summary>
    private static WorkloadImpact Impact(decimal baseUsd, decimal headUsd) => new("w", Totals(baseUsd), Totals(headUsd));

    private static CostTotals Totals(decimal usd)
    {
        var totals = new CostTotals();
        totals.Add(Usage.Zero, CostBreakdown.On(Core.Catalog.Meter.TextInput, (long)(usd * 1_000_000_000_000m)));
        return totals;
    }

    [Theory]
    [InlineData(10.00, 11.00, false)]           // +10% exactly: at the threshold, passes
    [InlineData(10.00, 11.000000000001, true)]  // one picodollar more: just past it, fails
    [InlineData(10.00, 10.50, false)]
    [InlineData(10.00, 5.00, false)]            // falls are not checked by --fail-above
    public void Check_FailAbove10_FailsOnlyPastTheBoundary(decimal baseUsd, decimal headUsd, bool fails)
    {
        var breaches = new CostThresholds(failAbovePercent: 10m).Check([Impact(baseUsd, headUsd)]);

        breaches.Should().HaveCount(fails ? 1 : 0);
        if (fails)
        {
            breaches[0].Direction.Should().Be(ThresholdDirection.Rise);
            breaches[0].ThresholdPercent.Should().Be(10m);
        }
    }

    [Theory]
    [InlineData(10.00, 5.00, false)]            // -50% exactly: passes
    [InlineData(10.00, 4.999999999999, true)]   // one picodollar less: fails
    [InlineData(10.00, 0, true)]                // a price accidentally zeroed: -100%
    [InlineData(10.00, 30.00, false)]           // rises are not checked by --fail-below
    public void Check_FailBelow50_FailsOnlyPastTheBoundary(decimal baseUsd, decimal headUsd, bool fails)
    {
        var breaches = new CostThresholds(failBelowPercent: 50m).Check([Impact(baseUsd, headUsd)]);

        breaches.Should().HaveCount(fails ? 1 : 0);
        if (fails)
        {
            breaches[0].Direction.Should().Be(ThresholdDirection.Fall);
        }
    }

    [Fact]
    public void Check_ZeroThreshold_FailsOnAnyRiseButNotOnNoChange()
    {
        var thresholds = new CostThresholds(failAbovePercent: 0m, failBelowPercent: 0m);

        thresholds.Check([Impact(1, 1)]).Should().BeEmpty();
        thresholds.Check([Impact(1, 1.000000000001m)]).Should().ContainSingle().Which.Direction.Should().Be(ThresholdDirection.Rise);
        thresholds.Check([Impact(1, 0.999999999999m)]).Should().ContainSingle().Which.Direction.Should().Be(ThresholdDirection.Fall);
    }

    [Fact]
    public void Check_CostRisingFromZero_CrossesAnyRiseThreshold()
    {
        new CostThresholds(failAbovePercent: 1_000_000m).Check([Impact(0, 0.000001m)]).Should().ContainSingle();
        new CostThresholds(failAbovePercent: 1_000_000m).Check([Impact(0, 0)]).Should().BeEmpty();
    }

    [Fact]
    public void Check_NoThresholds_NeverFails()
    {
        CostThresholds.None.Check([Impact(1, 100), Impact(100, 0)]).Should().BeEmpty();
    }

    [Fact]
    public void Check_SeveralWorkloads_ListsEachBreach()
    {
        var thresholds = new CostThresholds(failAbovePercent: 5m, failBelowPercent: 5m);

        var breaches = thresholds.Check([Impact(100, 106), Impact(100, 105), Impact(100, 94)]);

        breaches.Select(b => (b.Impact.Head.Total.Value, b.Direction)).Should().Equal((106m, ThresholdDirection.Rise), (94m, ThresholdDirection.Fall));
    }

    [Theory]
    [InlineData(-1.0, null, "fail_above must be a percentage >= 0, got -1")]
    [InlineData(null, -0.5, "fail_below must be a percentage >= 0, got -0.5")]
    public void Create_NegativeThreshold_IsRefused(double? above, double? below, string message)
    {
        var act = () => new CostThresholds((decimal?)above, (decimal?)below);

        act.Should().Throw<PlannerException>().WithMessage(message).Which.Kind.Should().Be(PlannerErrorKind.InvalidArgument);
    }

    [Property]
    public bool RisesBeyond_AgreesWithThePercentage(FsCheck.PositiveInt old, FsCheck.NonNegativeInt @new, FsCheck.NonNegativeInt percent) =>
        PercentChange.RisesBeyond(old.Get, @new.Get, percent.Get) == (PercentChange.Of(old.Get, @new.Get) > percent.Get);
}
