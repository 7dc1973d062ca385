using FluentAssertions;
using Planner.Core.Calls;
using Planner.Core.Migration;
using Planner.Core.Projection;
using Planner.Core.Tests.Calls;
using Planner.Core.Units;
using Xunit;

namespace Planner.Core.Tests.Migration;

public class MigrationPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A 4-minute call (8 turns of 10 s user, 20 s assistant), 500 system tokens, 20,000 a day, on each model.</summary>
    private static Workload CallsOn(Planner.Core.Catalog.ResolvedModel model)
    {
        var shape = CallShape.FromMinutes(4m, 1m, new CallShape { Turns = 1, UserAudio = AudioDuration.FromSeconds(10), AssistantAudio = AudioDuration.FromSeconds(20), SystemTextTokens = new TokenCount(500) });
        var plan = CallPlanner.Plan(model, model.Model.Prices[0], shape, new CallOptions { CacheHitShare = 0.5m, MaxOutputTokens = new TokenCount(4_096) }, CallModels.Rates, CallModels.Today);
        return new Workload([new WorkloadStream(model, Arrivals.FixedPerDay(20_000m), CallUsage.Fixed(plan))], []);
    }

    private static Usd Month(Planner.Core.Catalog.ResolvedModel model) =>
        Projector.Project(CallsOn(model), [ProjectionTarget.AsGiven], new ProjectionOptions { Months = 1 }, Now).Targets[0].Months[0].Mean;

    [Fact]
    public void DefaultCandidates_AreTheReplacementAndTheCheapestOfEachApi()
    {
        var from = CallModels.Resolve("gpt-audio-mini");

        var candidates = MigrationPlanner.DefaultCandidates(CallModels.Catalog, from, CallModels.Today, m => Month(m));

        // gpt-realtime-mini is deprecated on 2026-12-01, so the cheapest active Realtime model is gpt-realtime-2.1-mini.
        candidates.Select(c => c.Model.Model.Id).Should().Equal("gpt-audio-1.5", "gpt-realtime-2.1-mini");
        candidates[0].Why.Should().Be("OpenAI's recommended replacement; cheapest active Chat Completions model for this workload");
    }

    [Fact]
    public void Compare_EachMonth_IsTheCandidatesCostAgainstStaying()
    {
        var from = CallModels.Resolve("gpt-audio-mini");
        var to = CallModels.Resolve("gpt-realtime-2.1-mini");

        var report = MigrationPlanner.Compare(from, [(to, "given")], CallsOn, new ProjectionOptions { Months = 3 }, new ProjectionCalendar(new DateOnly(2026, 12, 1), 3), Now);

        var month = report.Candidates[0].Months[0];
        month.Before.Should().Be(Month(from));
        month.After.Should().Be(Month(to));
        month.ChangePercent.Should().Be(Math.Round((month.After - month.Before).Value / month.Before.Value * 100m, 2));
        report.MoveBy.Should().Be(new DateOnly(2027, 1, 20));
        report.Candidates[0].Months.Select(m => m.CurrentShutDown).Should().Equal(false, true, true);
    }
}
