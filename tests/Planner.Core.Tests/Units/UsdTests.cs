using Planner.Core.Units;

namespace Planner.Core.Tests.Units;

public class UsdTests
{
    [Theory]
    [InlineData(6_000_000_000L, "0.006")]
    [InlineData(1L, "0.000000000001")]
    [InlineData(1_080_000_000_000_000L, "1080")]
    [InlineData(-2_500_000_000_000L, "-2.5")]
    public void FromPicodollars_IsExact(long picodollars, string dollars)
    {
        Usd.FromPicodollars(picodollars).Value.Should().Be(decimal.Parse(dollars, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void FromPicodollars_Int128BeyondLong_IsExact()
    {
        Int128 huge = (Int128)long.MaxValue * 1000;

        Usd.FromPicodollars(huge).Value.Should().Be(long.MaxValue * 1000m / 1_000_000_000_000m);
    }

    [Fact]
    public void Normalized_DropsTrailingZerosOnly()
    {
        var amount = Usd.FromPicodollars(6_000_000_000L);

        amount.Normalized.ToString(System.Globalization.CultureInfo.InvariantCulture).Should().Be("0.006");
        amount.ToString().Should().Be("$0.006");
        amount.Normalized.Should().Be(amount.Value);
    }

    [Fact]
    public void Arithmetic_IsDecimalExact()
    {
        // The classic binary-float artefact: 0.1 + 0.2 != 0.3.
        (Usd.FromDollars(0.1m) + Usd.FromDollars(0.2m)).Should().Be(Usd.FromDollars(0.3m));
    }
}
