using Planner.Core.Pricing;

namespace Planner.Core.Tests.Pricing;

public class PriceSheetTests
{
    private static readonly PriceSheet Mini = new(TestData.Prices("2025-10-06", textIn: 0.60m, audioIn: 10.00m, textOut: 2.40m, audioOut: 20.00m));

    [Fact]
    public void Price_SixtySecondsOfInputAudio_IsSixTenthsOfACent()
    {
        // 60 s x 10 tokens/s = 600 tokens x $10 / 1M = $0.006.
        var cost = Mini.Price(Usage.Of(audioInput: 600));

        cost.AudioInput.Value.Should().Be(600 * 10.00m / 1_000_000);
        cost.Total.Value.Should().Be(0.006m);
    }

    [Fact]
    public void Price_EveryMeter_UsesItsOwnRate()
    {
        var cost = Mini.Price(Usage.Of(textInput: 1_000, cachedInput: 200, audioInput: 1_200, textOutput: 300, audioOutput: 2_400));

        cost.TextInput.Value.Should().Be(1_000 * 0.60m / 1_000_000);
        cost.CachedInput.Value.Should().Be(200 * 0.60m / 1_000_000, "no cached price is listed, so cached tokens bill at the text input rate");
        cost.AudioInput.Value.Should().Be(1_200 * 10.00m / 1_000_000);
        cost.TextOutput.Value.Should().Be(300 * 2.40m / 1_000_000);
        cost.AudioOutput.Value.Should().Be(2_400 * 20.00m / 1_000_000);
        cost.Total.Value.Should().Be((1_000 * 0.60m + 200 * 0.60m + 1_200 * 10.00m + 300 * 2.40m + 2_400 * 20.00m) / 1_000_000);
    }

    [Fact]
    public void Price_CachedInputWithItsOwnPrice_UsesIt()
    {
        var sheet = new PriceSheet(TestData.Prices("2025-01-01", textIn: 2.50m, audioIn: 40m, textOut: 10m, audioOut: 80m, cached: 1.25m));

        sheet.Price(Usage.Of(cachedInput: 1_000_000)).CachedInput.Value.Should().Be(1.25m);
    }

    [Fact]
    public void Price_AudioOutput_IsNotBilledAtTheTextRate()
    {
        // The known bug of other tools: audio billed as text is 20 / 2.40 = 8.3x too low for output.
        var audio = Mini.Price(Usage.Of(audioOutput: 1_000_000));

        audio.Total.Value.Should().Be(20.00m).And.NotBe(2.40m);
    }

    [Fact]
    public void Total_IsTheSumOfTheMetersToTheLastDigit()
    {
        var cost = Mini.Price(Usage.Of(textInput: 7, cachedInput: 11, audioInput: 13, textOutput: 17, audioOutput: 19));

        cost.Total.Should().Be(cost.TextInput + cost.CachedInput + cost.AudioInput + cost.TextOutput + cost.AudioOutput);
    }
}
