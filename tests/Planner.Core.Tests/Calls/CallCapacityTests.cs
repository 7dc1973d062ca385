using FluentAssertions;
using Planner.Core.Calls;
using Planner.Core.Capacity;
using Planner.Core.Units;
using Xunit;

namespace Planner.Core.Tests.Calls;

public class CallCapacityTests
{
    /// <summary>A 4-minute call of 8 turns (10 s user = 100 tokens, 20 s assistant = 400), 500 system tokens, 4,096 reserved a Response.
    /// Response k's input is 600 + 500 (k - 1): summed over 8 turns 4,800 + 500 x 28 = 18,800, and the TPM charges 18,800 + 8 x 4,096.</summary>
    private static CallPlan FourMinuteCall() => CallPlanner.Plan(CallModels.Resolve("gpt-realtime-2.1-mini"), CallModels.RealtimeMini21.Prices[0],
        CallShape.FromMinutes(4m, 1m, new CallShape { Turns = 1, UserAudio = AudioDuration.FromSeconds(10), AssistantAudio = AudioDuration.FromSeconds(20), SystemTextTokens = new TokenCount(500) }),
        new CallOptions { MaxOutputTokens = new TokenCount(4_096) }, CallModels.Rates, CallModels.Today);

    private const decimal ChargePerCall = 18_800m + (8 * 4_096m);
    private const decimal TurnsPerCallMinute = 8m / 4m;
    private const decimal ChargePerCallMinute = ChargePerCall / 4m;

    [Fact]
    public void For_ConcurrentCalls_SendsResponsesAtTheClosedForm()
    {
        var plan = FourMinuteCall();
        plan.TpmCharge.Value.Should().Be((long)ChargePerCall);

        var capacity = CallCapacity.For(CallModels.RealtimeMini21, plan, CallLoad.Concurrent(300));

        capacity.ResponsesPerMinute.Should().Be(300 * TurnsPerCallMinute);
        capacity.TokensPerMinute.Should().Be(300 * ChargePerCallMinute);
    }

    [Fact]
    public void For_EveryTier_SaysWhetherItFitsAndTheMostConcurrentCalls()
    {
        var capacity = CallCapacity.For(CallModels.RealtimeMini21, FourMinuteCall(), CallLoad.Concurrent(300));

        capacity.Tiers.Select(t => t.Tier.Name).Should().Equal("free", "build", "launch", "grow");
        capacity.Tiers[0].MaxConcurrentCalls.Should().Be(0);
        // Build: 400 RPM / 200,000 TPM. 600 Responses a minute pass 400; TPM carries 200,000 / charge per call-minute calls.
        capacity.Tiers[1].Should().Match<CallTierFit>(t => !t.FitsRpm && !t.FitsTpm && t.LimitedBy == LimitedBy.Tpm);
        capacity.Tiers[1].MaxConcurrentCalls.Should().Be((long)Math.Floor(200_000m / ChargePerCallMinute));
        // Launch: 10,000 RPM / 4,000,000 TPM carries the 300 calls.
        capacity.Tiers[2].Fits.Should().BeTrue();
        capacity.Tiers[2].MaxConcurrentCalls.Should().Be((long)Math.Floor(Math.Min(10_000m / TurnsPerCallMinute, 4_000_000m / ChargePerCallMinute)));
        capacity.Tiers[3].MaxConcurrentCalls.Should().Be((long)Math.Floor(15_000_000m / ChargePerCallMinute));
        capacity.LowestFit!.Name.Should().Be("launch");
    }

    [Fact]
    public void For_CallsPerMinute_IsLittlesLaw()
    {
        // 75 calls starting a minute, each lasting 4 minutes: 300 in progress.
        var capacity = CallCapacity.For(CallModels.RealtimeMini21, FourMinuteCall(), CallLoad.PerMinute(75));

        capacity.ConcurrentCalls.Should().Be(300m);
    }

    [Fact]
    public void For_ResponseLargerThanTheTiersTpm_CarriesNoCall()
    {
        // The default reservation is the model's 32,000-token output cap: every Response charges over 32,000.
        var plan = CallPlanner.Plan(CallModels.Resolve("gpt-realtime-2.1-mini"), CallModels.RealtimeMini21.Prices[0],
            new CallShape { Turns = 2, UserAudio = AudioDuration.FromSeconds(10) }, new CallOptions(), CallModels.Rates, CallModels.Today);
        var tiny = CallModels.RealtimeMini21 with { TierLadders = [new Planner.Core.Catalog.TierLadder(CallModels.Scheme, CallModels.RealtimeMini21.Tiers.Select(t => t.Tpm is null ? t : t with { Tpm = new TokensPerMinute(30_000) }))] };

        var capacity = CallCapacity.For(tiny, plan, CallLoad.Concurrent(1));

        capacity.Tiers.Should().OnlyContain(t => t.MaxConcurrentCalls == 0 && !t.FitsTpm);
    }
}
