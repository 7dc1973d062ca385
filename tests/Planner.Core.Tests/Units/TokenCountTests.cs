using Planner.Core.Units;

namespace Planner.Core.Tests.Units;

public class TokenCountTests
{
    [Fact]
    public void Constructor_Negative_ThrowsNamingTheValue()
    {
        var act = () => new TokenCount(-3);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("a token count must be >= 0, got -3*");
    }

    [Fact]
    public void Subtraction_BelowZero_Throws()
    {
        var act = () => new TokenCount(1) - new TokenCount(2);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Addition_Overflow_ThrowsInsteadOfWrapping()
    {
        var act = () => new TokenCount(long.MaxValue) + new TokenCount(1);

        act.Should().Throw<OverflowException>();
    }

    [Fact]
    public void Zero_IsDefault() => TokenCount.Zero.Should().Be(default(TokenCount));
}
