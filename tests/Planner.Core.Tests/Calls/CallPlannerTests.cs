using FluentAssertions;
using Planner.Core.Calls;
using Planner.Core.Catalog;
using Planner.Core.Conversations;
using Planner.Core.Units;
using Xunit;

namespace Planner.Core.Tests.Calls;

public class CallPlannerTests
{
    // gpt-realtime-2.1-mini per 1M tokens: text 0.60 / cached 0.06, audio 10 / cached 0.30, audio out 20 (FACTS.md section 2).
    private const decimal Text = 0.60m;
    private const decimal CachedText = 0.06m;
    private const decimal Audio = 10m;
    private const decimal AudioOut = 20m;
    private const decimal M = 1_000_000m;

    /// <summary>10 s of user audio (100 tokens at 10/s), 5 s of assistant audio (100 tokens at 20/s), 200 system tokens.</summary>
    private static CallShape ThreeTurns => new()
    {
        Turns = 3,
        UserAudio = AudioDuration.FromSeconds(10),
        AssistantAudio = AudioDuration.FromSeconds(5),
        SystemTextTokens = new TokenCount(200),
    };

    private static CallPlan Plan(ModelSpec model, CallShape shape, CallOptions? options = null) =>
        CallPlanner.Plan(CallModels.Resolve(model.Id), model.Prices[0], shape, options ?? new CallOptions(), CallModels.Rates, CallModels.Today);

    [Fact]
    public void Realtime_ThreeTurnsAtNoCacheHit_ReBillsTheWholeConversationEachResponse()
    {
        var plan = Plan(CallModels.RealtimeMini21, ThreeTurns, new CallOptions { CacheHitShare = 0m });

        // Response k's input: 200 system + audio of k user messages (100 each) + k-1 assistant replies (100 each).
        plan.Turns.Select(t => t.Tokens.AudioInput.Value).Should().Equal(100, 300, 500);
        plan.Turns.Select(t => t.Tokens.TextInput.Value).Should().Equal(200, 200, 200);
        decimal expected = (600 * Text / M) + (900 * Audio / M) + (300 * AudioOut / M);
        plan.Total.Value.Should().Be(expected); // 0.01536
        plan.CostWithNoCacheHit.Value.Should().Be(expected);
        plan.TruncationTurn.Should().BeNull();
    }

    [Fact]
    public void Realtime_ThreeTurnsAtFullCacheHit_BillsThePrefixAtTheCachedRates()
    {
        var plan = Plan(CallModels.RealtimeMini21, ThreeTurns, new CallOptions { CacheHitShare = 1m });

        // Cached: text 0 + 200 + 200 = 400 of 600; audio 0 + 100 + 300 = 400 of 900 (Response k caches Response k-1's input).
        decimal expected = (200 * Text / M) + (400 * CachedText / M) + (500 * Audio / M) + (400 * 0.30m / M) + (300 * AudioOut / M);
        plan.Total.Value.Should().Be(expected); // 0.01128
        plan.CostWithFullCacheHit.Value.Should().Be(expected);
        plan.CostWithNoCacheHit.Value.Should().Be((600 * Text / M) + (900 * Audio / M) + (300 * AudioOut / M));
        plan.Usage.CachedAudioInput.Value.Should().Be(400);
        plan.Cost.Total.Should().Be(plan.Turns.Aggregate(Usd.Zero, (sum, t) => sum + t.Cost.Total));
    }

    [Fact]
    public void Realtime_CacheablePrefix_IsThePreviousResponsesInputNotItsReply()
    {
        var plan = Plan(CallModels.RealtimeMini21, ThreeTurns, new CallOptions { CacheHitShare = 1m });

        // Response 3 repeats Response 2's input (200 text; 100 + 100 + 100 audio), not Response 2's own reply.
        plan.Turns.Select(t => t.Tokens.CachedText.Value).Should().Equal(0, 200, 200);
        plan.Turns.Select(t => t.Tokens.CachedAudio.Value).Should().Equal(0, 100, 300);
        plan.Turns.Select(t => t.Usage.CachedInput.Value).Should().Equal(0, 200, 200);
        plan.Turns.Select(t => t.Usage.TextInput.Value).Should().Equal(200, 0, 0);
    }

    [Fact]
    public void Realtime_HalfCacheHit_RoundsDownPerModality()
    {
        var shape = ThreeTurns with { SystemTextTokens = new TokenCount(201), UserAudio = AudioDuration.FromSeconds(10.1m) };

        var plan = Plan(CallModels.RealtimeMini21, shape, new CallOptions { CacheHitShare = 0.5m });

        // 101 user + 100 assistant audio tokens: Response 2 may cache 101 audio and 201 text, half of each rounded down.
        plan.Turns[1].Tokens.CachedText.Value.Should().Be(100);
        plan.Turns[1].Tokens.CachedAudio.Value.Should().Be(50);
        plan.Turns[2].Tokens.CachedAudio.Value.Should().Be(151); // half of 101 + 100 + 101 = 302
    }

    [Fact]
    public void Realtime_TextOnlyCallAtFullCacheHit_BillsThePrefixAtTheCachedRate()
    {
        var shape = new CallShape { Turns = 2, SystemTextTokens = new TokenCount(1_000), UserTextTokens = new TokenCount(50), AssistantTextTokens = new TokenCount(100) };

        var plan = Plan(CallModels.RealtimeMini21, shape, new CallOptions { CacheHitShare = 1m });

        // Response 1: 1,050 text in. Response 2: 1,000 + 50 + 100 + 50 = 1,200 in, of which Response 1's 1,050 cached.
        decimal expected = (1_050 * Text / M) + (150 * Text / M) + (1_050 * CachedText / M) + (200 * 2.40m / M);
        plan.Total.Value.Should().Be(expected);
        plan.CostWithFullCacheHit.Value.Should().Be(expected);
        plan.CostWithNoCacheHit.Value.Should().Be((2_250 * Text / M) + (200 * 2.40m / M));
    }

    [Fact]
    public void ChatCompletions_CostsEveryTurnLikeConversation()
    {
        var spec = new ConversationSpec { Turns = 3, UserAudio = AudioDuration.FromSeconds(10), AssistantAudio = AudioDuration.FromSeconds(5), SystemTextTokens = new TokenCount(200) };
        var conversation = ConversationPlanner.Plan(CallModels.AudioMini, CallModels.AudioMini.Prices[0], spec, CallModels.Rates);

        var plan = Plan(CallModels.AudioMini, ThreeTurns, new CallOptions { CacheHitShare = 0m });

        plan.Turns.Select(t => t.Usage).Should().Equal(conversation.Turns.Select(t => t.Usage));
        plan.Total.Should().Be(conversation.Total);
        plan.Total.Value.Should().Be((600 * 0.60m / M) + (900 * 10m / M) + (300 * 20m / M));
    }

    [Fact]
    public void ChatCompletions_NoCachedPriceListed_CacheHitDoesNotChangeTheCost()
    {
        var plan = Plan(CallModels.AudioMini, ThreeTurns with { UserAudio = AudioDuration.Zero, UserTextTokens = new TokenCount(100) }, new CallOptions { CacheHitShare = 1m });

        plan.CostWithFullCacheHit.Should().Be(plan.CostWithNoCacheHit);
        plan.Assumptions.Select(a => a.Key).Should().Contain("cached_text_rate");
    }

    [Fact]
    public void ChatCompletions_TurnOverTheContextWindow_IsRefusedNamingTheTurn()
    {
        // 128,000-token window, 1,500 tokens a turn (30 s user = 300, 60 s assistant = 1,200): turn k needs 1,500 k.
        var shape = new CallShape { Turns = 90, UserAudio = AudioDuration.FromSeconds(30), AssistantAudio = AudioDuration.FromSeconds(60) };

        var act = () => Plan(CallModels.AudioMini, shape);

        act.Should().Throw<PlannerException>().WithMessage("turn 86 of 90 needs 129,000 tokens, over gpt-audio-mini's 128,000-token context window; at most 85 turns fit");
    }

    /// <summary>gpt-realtime-mini (32,000 / 4,096): 1,000 system tokens, 300 user and 1,200 assistant audio tokens a turn.
    /// Response k's input is 1,300 + 1,500 (k - 1); the limit is 32,000 - 4,096 = 27,904, passed first at k = 19 (28,300).</summary>
    private static CallShape LongCall => new()
    {
        Turns = 20,
        UserAudio = AudioDuration.FromSeconds(30),
        AssistantAudio = AudioDuration.FromSeconds(60),
        SystemTextTokens = new TokenCount(1_000),
    };

    [Fact]
    public void Realtime_Truncation_StartsWhereTheInputPassesContextLessMaxOutput()
    {
        var plan = Plan(CallModels.RealtimeMini, LongCall, new CallOptions { CacheHitShare = 1m });

        plan.TruncationLimit.Should().Be(new TokenCount(27_904));
        plan.TruncationTurn.Should().Be(19);
        plan.Turns[17].Truncated.Should().BeFalse();
        plan.Turns[17].Tokens.InputTokens.Value.Should().Be(1_300 + (17 * 1_500));

        // At retention ratio 1.0 the server keeps as many whole turns as fit under 27,904: (27,904 - 1,300) / 1,500 = 17.
        plan.Turns[18].DroppedTurns.Should().Be(1);
        plan.Turns[18].FirstRetainedTurn.Should().Be(2);
        plan.Turns[18].Tokens.InputTokens.Value.Should().Be(1_300 + (17 * 1_500));
        plan.Turns[19].DroppedTurns.Should().Be(1);

        // The cache is busted from the truncation point: only the 1,000 instruction tokens are cacheable there.
        plan.Turns[18].Tokens.CachedText.Value.Should().Be(1_000);
        plan.Turns[18].Tokens.CachedAudio.Value.Should().Be(0);
        plan.Warnings.Select(w => w.Key).Should().Contain("truncation");
    }

    [Fact]
    public void Realtime_RetentionRatio_DropsAnExtraShareAndLetsTheCacheRecover()
    {
        var plan = Plan(CallModels.RealtimeMini, LongCall, new CallOptions { CacheHitShare = 1m, RetentionRatio = 0.5m });

        // Keep at most floor(0.5 x 27,904) = 13,952: (13,952 - 1,300) / 1,500 = 8 earlier turns of the 18, so 10 dropped.
        plan.Turns[18].DroppedTurns.Should().Be(10);
        plan.Turns[18].FirstRetainedTurn.Should().Be(11);
        plan.Turns[18].Tokens.InputTokens.Value.Should().Be(1_300 + (8 * 1_500));

        // Turn 20 fits again (9 earlier turns): no truncation, and Response 19's whole input is its cacheable prefix.
        plan.Turns[19].Truncated.Should().BeFalse();
        plan.Turns[19].Tokens.CachedAudio.Value.Should().Be(300 + (8 * 1_500));
        plan.Turns[19].Tokens.CachedText.Value.Should().Be(1_000);
    }

    [Fact]
    public void Realtime_TruncationDisabled_FailsAtTheTurnNamingIt()
    {
        var act = () => Plan(CallModels.RealtimeMini, LongCall, new CallOptions { Truncation = TruncationMode.Disabled });

        act.Should().Throw<PlannerException>().WithMessage(
            "turn 19 of 20: the input of 28,300 tokens passes gpt-realtime-mini's truncation limit of 27,904 (context window 32,000 less 4,096 max output tokens), and truncation is disabled");
    }

    [Fact]
    public void Realtime_MaxOutputTokens_MovesTheTruncationLimitAndTheTpmCharge()
    {
        var plan = Plan(CallModels.RealtimeMini, LongCall, new CallOptions { MaxOutputTokens = new TokenCount(2_000) });

        plan.TruncationLimit.Should().Be(new TokenCount(30_000));
        plan.Turns[0].TpmCharge.Value.Should().Be(1_300 + 2_000);
    }

    [Fact]
    public void Plan_BadShapeAndOptions_ReportsEveryProblemAtOnce()
    {
        var act = () => Plan(CallModels.RealtimeMini21, ThreeTurns with { Turns = 0 }, new CallOptions { CacheHitShare = 1.5m, RetentionRatio = 0m });

        act.Should().Throw<PlannerException>().WithMessage(
            "turns must be 1 to 100,000, got 0; cache-hit share must be 0 to 1, got 1.5; retention ratio must be > 0 and at most 1, got 0");
    }

    [Fact]
    public void Plan_ReplyOverTheReservedOutput_IsRefused()
    {
        var act = () => Plan(CallModels.RealtimeMini, ThreeTurns with { AssistantAudio = AudioDuration.FromSeconds(300) });

        act.Should().Throw<PlannerException>().WithMessage("output of 6,000 tokens exceeds gpt-realtime-mini's 4,096-token output cap");
    }

    [Fact]
    public void Plan_CostPerMinute_IsTheCallsCostOverItsLength()
    {
        var shape = CallShape.FromMinutes(4m, 1m, new CallShape { Turns = 1, UserAudio = AudioDuration.FromSeconds(10), AssistantAudio = AudioDuration.FromSeconds(20) });

        var plan = Plan(CallModels.RealtimeMini21, shape, new CallOptions { CacheHitShare = 0m });

        plan.Turns.Should().HaveCount(8);
        plan.CostPerMinute.Should().Be(plan.Total / 4m);
        plan.ResponsesPerCallMinute.Should().Be(2m);
    }

    [Fact]
    public void Plan_DeprecatedModel_WarnsWithItsShutdownAndReplacement()
    {
        var plan = Plan(CallModels.AudioMini, ThreeTurns);

        plan.Warnings.Should().ContainSingle(w => w.Key == "model_deprecated")
            .Which.Message.Should().Be("gpt-audio-mini is deprecated: it shuts down on 2027-01-20; OpenAI recommends gpt-audio-1.5");
    }
}
