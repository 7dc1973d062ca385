using Planner.Core.Units;

namespace Planner.Core.Tests.Units;

public class AudioTokenRateTests
{
    [Theory]
    [InlineData("60", 10, 600L)]        // one minute of user audio: 600 tokens
    [InlineData("60", 20, 1_200L)]      // one minute of assistant audio: 1,200 tokens
    [InlineData("0.05", 10, 1L)]        // half a token rounds up to one
    [InlineData("0.1", 10, 1L)]         // exactly one token (no float artefact rounds this up to 2)
    [InlineData("0.100001", 10, 2L)]    // a hair over one token is two
    [InlineData("0", 10, 0L)]
    [InlineData("819.2", 20, 16_384L)]  // the output cap, exactly
    public void TokensFor_RoundsAFractionUp(string seconds, int tokensPerSecond, long tokens)
    {
        var rate = AudioTokenRate.FromTokensPerSecond(tokensPerSecond);

        rate.TokensFor(AudioDuration.FromSeconds(decimal.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture))).Value.Should().Be(tokens);
    }

    [Fact]
    public void FromTokensPerSecond_TheLargestRate_IsAccepted() =>
        AudioTokenRate.FromTokensPerSecond(2_147_483.647m).MilliTokensPerSecond.Should().Be(int.MaxValue);

    [Fact]
    public void DurationFor_OutputCap_Is819Point2Seconds()
    {
        AudioTokenRate.FromTokensPerSecond(20).DurationFor(new TokenCount(16_384)).Seconds.Should().Be(16_384m / 20);
    }

    [Theory]
    [InlineData("0", "must be > 0")]
    [InlineData("-1", "must be > 0")]
    [InlineData("10.0001", "must have at most 3 decimal places and be at most 2,147,483.647")]
    [InlineData("2147483.648", "must have at most 3 decimal places and be at most 2,147,483.647")]
    public void TryFromTokensPerSecond_RejectsWithReason(string value, string reason)
    {
        AudioTokenRate.TryFromTokensPerSecond(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), out _, out var error).Should().BeFalse();
        error.Should().Be(reason);
    }
}
