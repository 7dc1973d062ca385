using Planner.Core.Units;

namespace Planner.Core.Tests.Units;

public class PricePerMillionTokensTests
{
    [Theory]
    [InlineData("0.60", 600_000L)]
    [InlineData("10.00", 10_000_000L)]
    [InlineData("0.15", 150_000L)]
    [InlineData("0.000001", 1L)]
    public void FromUsdPerMillion_HoldsWholePicodollarsPerToken(string usd, long picodollarsPerToken)
    {
        var price = PricePerMillionTokens.FromUsdPerMillion(decimal.Parse(usd, System.Globalization.CultureInfo.InvariantCulture));

        price.PicodollarsPerToken.Should().Be(picodollarsPerToken);
    }

    [Fact]
    public void TokensTimesPrice_IsUsd()
    {
        var cost = new TokenCount(1_000) * PricePerMillionTokens.FromUsdPerMillion(0.60m);

        cost.Value.Should().Be(1_000 * 0.60m / 1_000_000);
    }

    [Theory]
    [InlineData("-0.01", "must be >= 0")]
    [InlineData("0.0000001", "must have at most 6 decimal places")]
    public void TryFromUsdPerMillion_RejectsWithReason(string usd, string reason)
    {
        PricePerMillionTokens.TryFromUsdPerMillion(decimal.Parse(usd, System.Globalization.CultureInfo.InvariantCulture), out _, out var error)
            .Should().BeFalse();
        error.Should().Be(reason);
    }
}
