using Planner.Core.Pricing;
using Planner.Core.Units;

namespace Planner.Core.Tests.Pricing;

public class TpmChargeTests
{
    // Every input meter (cached included) and every output meter of one request.
    private static readonly Usage Request = Usage.Of(
        textInput: 1_000, cachedInput: 200, audioInput: 30, cachedAudioInput: 4, imageInput: 50, cachedImageInput: 6,
        textOutput: 400, audioOutput: 70);

    [Fact]
    public void Of_WithoutMaxTokens_ChargesInputPlusOutput() =>
        // input 1,000 + 200 + 30 + 4 + 50 + 6 = 1,290; output 400 + 70 = 470.
        TpmCharge.Of(Request, null).Should().Be(new TokenCount(1_290 + 470));

    [Fact]
    public void Of_WithMaxTokens_ChargesInputPlusMaxTokensNotOutput() =>
        TpmCharge.Of(Request, new TokenCount(2_048)).Should().Be(new TokenCount(1_290 + 2_048));

    [Fact]
    public void Of_MaxTokensOfZero_ChargesTheInputAlone() =>
        TpmCharge.Of(Request, new TokenCount(0)).Should().Be(new TokenCount(1_290));

    [Fact]
    public void Of_FromCounts_AppliesTheSameRule()
    {
        TpmCharge.Of(new TokenCount(500), new TokenCount(80), null).Should().Be(new TokenCount(580));
        TpmCharge.Of(new TokenCount(500), new TokenCount(80), new TokenCount(1_000)).Should().Be(new TokenCount(1_500));
    }

    [Fact]
    public void Of_ASumPastLongMax_Throws()
    {
        var act = () => TpmCharge.Of(new TokenCount(long.MaxValue), new TokenCount(1), null);
        act.Should().Throw<OverflowException>();
    }
}
