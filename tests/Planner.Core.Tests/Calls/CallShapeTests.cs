using FluentAssertions;
using Planner.Core.Calls;
using Planner.Core.Units;
using Xunit;

namespace Planner.Core.Tests.Calls;

public class CallShapeTests
{
    private static CallShape Turn(decimal user, decimal assistant) =>
        new() { Turns = 1, UserAudio = AudioDuration.FromSeconds(user), AssistantAudio = AudioDuration.FromSeconds(assistant) };

    [Theory]
    [InlineData(4, 1, 10, 20, 8)] // 240 s of talk, 30 s a turn
    [InlineData(4, 0.5, 10, 20, 4)] // half of the call is silence
    [InlineData(4, 1, 3, 4, 35)] // 240 / 7 = 34.3, rounded up
    [InlineData(0.1, 1, 10, 20, 1)] // a short call is still one turn
    public void FromMinutes_OneTurnPerTurnOfTalk_RoundedUp(decimal minutes, decimal talkShare, decimal user, decimal assistant, int turns)
    {
        var shape = CallShape.FromMinutes(minutes, talkShare, Turn(user, assistant));

        shape.Turns.Should().Be(turns);
        shape.CallMinutes.Should().Be(minutes);
    }

    [Fact]
    public void FromMinutes_BadValues_ReportsEveryProblemAtOnce()
    {
        var act = () => CallShape.FromMinutes(0m, 2m, Turn(0, 0));

        act.Should().Throw<PlannerException>().WithMessage(
            "call minutes must be > 0 and at most 1,440, got 0; talk share must be > 0 and at most 1, got 2; user and assistant audio per turn are both 0: a call length cannot be turned into turns");
    }

    [Fact]
    public void CallMinutes_WithoutMinutes_IsTheCallsAudio()
    {
        (Turn(10, 20) with { Turns = 8 }).CallMinutes.Should().Be(4m);
    }

    [Fact]
    public void Defaults_ArePinned()
    {
        CallDefaults.CacheHitShare.Should().Be(0.5m);
        CallDefaults.RetentionRatio.Should().Be(1.0m);
        CallDefaults.TalkShare.Should().Be(1.0m);
        new CallOptions().Truncation.Should().Be(TruncationMode.RetentionRatio);
    }
}
