using Planner.Core.Conversations;
using Planner.Core.Units;

namespace Planner.Core.Tests.Conversations;

public class ConversationPlannerTests
{
    private static ConversationPlan Plan(int turns, decimal user, decimal assistant, long system = 0, string model = "gpt-audio-mini")
    {
        var resolved = TestCatalog.Model(model);
        return ConversationPlanner.Plan(resolved.Model, resolved.Prices[^1],
            new ConversationSpec { Turns = turns, UserAudio = AudioDuration.FromSeconds(user), AssistantAudio = AudioDuration.FromSeconds(assistant), SystemTextTokens = new TokenCount(system) },
            TestCatalog.Catalog.AudioTokenRates);
    }

    [Fact]
    public void Plan_WorkedExample_ResendsTheHistory()
    {
        var plan = Plan(3, 10m, 5m);

        // User 10 s x 10/s = 100 tokens; assistant 5 s x 20/s = 100 tokens, also when resent as input.
        plan.Turns.Select(t => t.Usage.AudioInput.Value).Should().Equal(100, 100 + 100 + 100, 100 + 100 + 100 + 100 + 100);
        plan.Turns.Select(t => t.Usage.AudioOutput.Value).Should().Equal(100, 100, 100);
        // 900 input tokens at $10 / 1M = $0.009; 300 output at $20 / 1M = $0.006.
        plan.Usage.AudioInput.Value.Should().Be(900);
        plan.Total.Value.Should().Be((900 * 10m / 1_000_000) + (300 * 20m / 1_000_000)).And.Be(0.015m);
        plan.Turns[^1].CumulativeCost.Should().Be(plan.Total);
        plan.Turns[0].Cost.Total.Value.Should().Be((100 * 10m + 100 * 20m) / 1_000_000);
    }

    [Fact]
    public void Plan_SystemText_IsSentEveryTurn()
    {
        var plan = Plan(2, 1m, 1m, system: 500);

        plan.Turns.Select(t => t.Usage.TextInput.Value).Should().Equal(500, 500);
        // 1,000 text tokens at $0.60 / 1M on top of the audio.
        plan.Turns.Sum(t => t.Cost.TextInput.Value).Should().Be(1_000 * 0.60m / 1_000_000);
    }

    [Fact]
    public void Plan_OverflowTurn_IsWhereTheHistoryPassesTheContextWindow()
    {
        // Each turn adds 100 + 100 tokens: turn k holds 200k, so turn 640 fills 128,000 exactly and 641 overflows.
        Plan(3, 10m, 5m).OverflowTurn.Should().Be(128_000 / 200 + 1);
    }

    [Fact]
    public void Plan_TooManyTurns_IsRefusedNamingTheTurn()
    {
        var act = () => Plan(700, 10m, 5m);

        act.Should().Throw<PlannerException>()
            .WithMessage("turn 641 of 700 needs 128,200 tokens, over gpt-audio-mini's 128,000-token context window; at most 640 turns fit");
    }

    [Fact]
    public void Plan_ReplyOverTheOutputCap_IsRefused()
    {
        // 820 s x 20/s = 16,400 tokens > 16,384.
        var act = () => Plan(1, 1m, 820m);

        act.Should().Throw<PlannerException>().WithMessage("output of 16,400 tokens exceeds gpt-audio-mini's 16,384-token output cap");
    }

    [Fact]
    public void Plan_ZeroTurns_IsRefused()
    {
        var act = () => Plan(0, 1m, 1m);

        act.Should().Throw<PlannerException>().WithMessage("turns must be 1 to 100,000, got 0");
    }
}
