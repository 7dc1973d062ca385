using Planner.Core.Capacity;
using Planner.Core.Pricing;
using Planner.Core.Units;

namespace Planner.Core.Tests.Capacity;

public class CapacityPlannerTests
{
    private static readonly Planner.Core.Catalog.ModelSpec Mini = TestData.Catalog.Resolve("gpt-audio-mini").Model;
    private static readonly Planner.Core.Catalog.AudioTokenRates Rates = TestData.Catalog.AudioTokenRates;

    private static CapacityEstimate Estimate(string tier, Usage usage, long? maxTokens = null)
    {
        var cost = new PriceSheet(Mini.Prices[^1]).Price(usage);
        return CapacityPlanner.Estimate(Mini, Mini.FindTier(tier)!, usage, cost, maxTokens is { } m ? new TokenCount(m) : null, Rates);
    }

    [Fact]
    public void Estimate_Tier1_ThirtySecondCalls_AreTpmBound()
    {
        // 30 s in = 300 tokens, 15 s out = 300 tokens: 600 against TPM. 30,000 / 600 = 50 a minute < 500 RPM.
        var estimate = Estimate("1", Usage.Of(audioInput: 300, audioOutput: 300));

        estimate.TpmChargePerRequest.Value.Should().Be(600);
        estimate.MaxRequestsPerMinute.Should().Be(30_000m / 600);
        estimate.LimitedBy.Should().Be(LimitedBy.Tpm);
        estimate.InputAudioSecondsPerMinute.Should().Be(50 * 30m);
        estimate.OutputAudioSecondsPerMinute.Should().Be(50 * 15m);
        // $0.003 + $0.006 a request, 50 a minute, 60 minutes.
        estimate.CostPerHour.Value.Should().Be((300 * 10m + 300 * 20m) / 1_000_000 * 50 * 60);
    }

    [Fact]
    public void Estimate_SmallTextRequests_AreRpmBound()
    {
        // 10 tokens each: 30,000 / 10 = 3,000 a minute by TPM, but only 500 by RPM.
        var estimate = Estimate("1", Usage.Of(textInput: 5, textOutput: 5));

        estimate.MaxRequestsPerMinute.Should().Be(500);
        estimate.LimitedBy.Should().Be(LimitedBy.Rpm);
    }

    [Fact]
    public void Estimate_MaxTokens_CountsAgainstTpmInsteadOfTheRealOutput()
    {
        // 300 in + max_tokens 4,096 = 4,396 per request; at tier 2, 450,000 / 4,396 a minute.
        var estimate = Estimate("2", Usage.Of(audioInput: 300, audioOutput: 300), maxTokens: 4_096);

        estimate.TpmChargePerRequest.Value.Should().Be(300 + 4_096);
        estimate.MaxRequestsPerMinute.Should().Be(450_000m / 4_396);
        estimate.ReservedButUnusedShare.Should().Be((4_096 - 300) / 4_396m);
    }

    [Fact]
    public void Estimate_FreeTier_IsNotSupported()
    {
        var act = () => Estimate("free", Usage.Of(audioInput: 1));

        act.Should().Throw<PlannerException>().WithMessage("gpt-audio-mini is not supported at the Free tier");
    }

    [Fact]
    public void Estimate_RequestLargerThanTpm_CanNeverBeAdmitted()
    {
        var act = () => Estimate("1", Usage.Of(textInput: 29_000, textOutput: 1_001));

        act.Should().Throw<PlannerException>()
            .WithMessage("one request counts 30,001 tokens against TPM, more than the Tier 1 limit of 30,000: it can never be admitted");
    }

    [Fact]
    public void TpmCharge_MaxTokensBelowOutput_IsAnError()
    {
        var act = () => CapacityPlanner.TpmCharge(Mini, Usage.Of(audioOutput: 500), new TokenCount(100));

        act.Should().Throw<PlannerException>().WithMessage("max_tokens 100 is below the request's output of 500 tokens; a response is never longer than its output limit");
    }

    [Fact]
    public void Envelope_OutputCapHolds819Point2SecondsAndContext12800()
    {
        var envelope = CapacityPlanner.Envelope(Mini, Usage.Zero, null, Rates);

        envelope.MaxOutputAudio.Seconds.Should().Be(16_384m / 20);
        envelope.MaxInputAudioAlone.Seconds.Should().Be(128_000m / 10);
    }

    [Fact]
    public void Envelope_InputAudio_LeavesRoomForTheReservedOutput()
    {
        var envelope = CapacityPlanner.Envelope(Mini, Usage.Of(textInput: 1_000), new TokenCount(16_384), Rates);

        envelope.MaxInputAudio.Seconds.Should().Be((128_000m - 16_384 - 1_000) / 10);
    }
}
