using Planner.Core.Units;

namespace Planner.Core.Tests.Units;

public class AudioDurationTests
{
    [Fact]
    public void FromMinutes_IsSixtySecondsEach() => AudioDuration.FromMinutes(2).Should().Be(AudioDuration.FromSeconds(120));

    [Theory]
    [InlineData("-1", "must be >= 0")]
    [InlineData("0.0000001", "must have at most 6 decimal places")]
    public void TryFromSeconds_RejectsWithReason(string seconds, string reason)
    {
        AudioDuration.TryFromSeconds(decimal.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture), out _, out var error).Should().BeFalse();
        error.Should().Be(reason);
    }

    [Fact]
    public void ToString_ShowsSeconds() => AudioDuration.FromSeconds(819.2m).ToString().Should().Be("819.2 s");
}
