using FluentAssertions;
using Planner.Core.Migration;
using Planner.Core.Pricing;
using Planner.Core.Projection;
using Planner.Core.Tests.Calls;
using Xunit;

namespace Planner.Core.Tests.Migration;

public class ShutdownMigrationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>1,000 requests a day of 600 audio tokens in and 1,200 out (60 s each way): on gpt-audio-mini $10 / $20 per 1M,
    /// on gpt-audio-1.5 $32 / $64 per 1M.</summary>
    private static readonly Usage Request = Usage.Of(audioInput: 600, audioOutput: 1_200);

    private const decimal OldCost = (600 * 10m / 1_000_000) + (1_200 * 20m / 1_000_000);
    private const decimal NewCost = (600 * 32m / 1_000_000) + (1_200 * 64m / 1_000_000);

    private static (ProjectionResult Result, IReadOnlyList<MigrationStep> Steps) Project(DateOnly start, int months)
    {
        var workload = Workload.FromShape(CallModels.Resolve("gpt-audio-mini"), Request, 1_000m);
        var (moved, steps) = ShutdownMigration.Apply(workload, new ProjectionCalendar(start, months), _ => CallModels.Resolve("gpt-audio-1.5"), (s, _) => s.Usage);
        return (Projector.Project(moved, [ProjectionTarget.AsGiven], new ProjectionOptions { Months = months }, Now), steps);
    }

    [Fact]
    public void Apply_ShutdownInsideTheHorizon_SplitsItsMonthAtTheDay()
    {
        var (result, steps) = Project(new DateOnly(2026, 12, 1), 3);

        // Month 2 is January 2027 (31 days): 19 days before the 2027-01-20 shutdown on gpt-audio-mini, 12 on gpt-audio-1.5.
        steps.Should().ContainSingle().Which.Should().Be(new MigrationStep("gpt-audio-mini", "gpt-audio-1.5", new DateOnly(2027, 1, 20), 2, 19m / 31m));
        var months = result.Targets[0].Months;
        months[0].Mean.Value.Should().Be(30 * 1_000 * OldCost);
        months[1].Mean.Value.Should().Be((30 * 1_000 * OldCost * (19m / 31m)) + (30 * 1_000 * NewCost * (1m - (19m / 31m))));
        months[2].Mean.Value.Should().Be(30 * 1_000 * NewCost);
    }

    [Fact]
    public void Apply_SplitMonth_ShowsBothModelsSpend()
    {
        var (result, _) = Project(new DateOnly(2026, 12, 1), 3);

        result.Targets[0].Months[1].Tiers.Select(t => t.ModelId).Should().Equal("gpt-audio-mini", "gpt-audio-1.5");
        result.Targets[0].Months[2].Tiers.Single(t => t.ModelId == "gpt-audio-mini").Spend.Value.Should().Be(0m);
    }

    [Fact]
    public void Apply_ShutdownBeforeTheStart_MovesEverything()
    {
        var (result, steps) = Project(new DateOnly(2027, 2, 1), 2);

        steps.Single().Month.Should().Be(0);
        result.Targets[0].Months.Should().OnlyContain(m => m.Mean.Value == 30 * 1_000 * NewCost);
    }

    [Fact]
    public void Apply_ShutdownAfterTheHorizon_ChangesNothing()
    {
        var (result, steps) = Project(new DateOnly(2026, 12, 1), 1);

        steps.Should().BeEmpty();
        result.Targets[0].Months[0].Mean.Value.Should().Be(30 * 1_000 * OldCost);
    }

    [Fact]
    public void Apply_NoDestination_IsRefusedNamingTheShutdown()
    {
        var workload = Workload.FromShape(CallModels.Resolve("gpt-audio-mini"), Request, 1_000m);

        var act = () => ShutdownMigration.Apply(workload, new ProjectionCalendar(new DateOnly(2026, 12, 1), 3), _ => null, (s, _) => s.Usage);

        act.Should().Throw<PlannerException>().WithMessage(
            "gpt-audio-mini shuts down on 2027-01-20, inside the horizon (2026-12-01 to 2027-02-28), and migration is off; name a model to move to or shorten the horizon");
    }

    [Theory]
    [InlineData("2027-01-01", 1, "2027-01-20", 19, 31)]
    [InlineData("2026-12-15", 2, "2027-01-20", 5, 31)] // month 2 runs 2027-01-15 to 2027-02-14
    [InlineData("2027-02-01", 1, "2027-02-15", 14, 28)]
    public void ShareBefore_IsDaysBeforeOverDaysInTheMonth(string start, int month, string day, int before, int days)
    {
        new ProjectionCalendar(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), 3)
            .ShareBefore(month, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture))
            .Should().Be(before / (decimal)days);
    }
}
