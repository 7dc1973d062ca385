using Planner.Core.Catalog;
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

    private static readonly PriceSheet RealtimeMini = new(MeterTestCatalog.RealtimeMiniPrices, "gpt-realtime-2.1-mini");

    [Fact]
    public void Price_CachedAudioInput_OnRealtimeMini_IsThirtyCentsPerMillion()
    {
        // FACTS.md 2: gpt-realtime-2.1-mini cached audio input $0.30 / 1M (instead of $10).
        var cost = RealtimeMini.Price(Usage.Of(cachedAudioInput: 1_000));

        cost.CachedAudioInput.Value.Should().Be(1_000 * 0.30m / 1_000_000);
        cost.Total.Value.Should().Be(1_000 * 0.30m / 1_000_000);
    }

    [Fact]
    public void Price_EveryOneOfTheEightMeters_UsesItsOwnRate()
    {
        var usage = Usage.Of(textInput: 1_000, cachedInput: 2_000, audioInput: 3_000, cachedAudioInput: 4_000,
            imageInput: 5_000, cachedImageInput: 6_000, textOutput: 7_000, audioOutput: 8_000);

        var cost = RealtimeMini.Price(usage);

        cost.TextInput.Value.Should().Be(1_000 * 0.60m / 1_000_000);
        cost.CachedInput.Value.Should().Be(2_000 * 0.06m / 1_000_000);
        cost.AudioInput.Value.Should().Be(3_000 * 10m / 1_000_000);
        cost.CachedAudioInput.Value.Should().Be(4_000 * 0.30m / 1_000_000);
        cost.ImageInput.Value.Should().Be(5_000 * 0.80m / 1_000_000);
        cost.CachedImageInput.Value.Should().Be(6_000 * 0.08m / 1_000_000);
        cost.TextOutput.Value.Should().Be(7_000 * 2.40m / 1_000_000);
        cost.AudioOutput.Value.Should().Be(8_000 * 20m / 1_000_000);
        cost.Total.Value.Should().Be(
            (1_000 * 0.60m + 2_000 * 0.06m + 3_000 * 10m + 4_000 * 0.30m + 5_000 * 0.80m + 6_000 * 0.08m + 7_000 * 2.40m + 8_000 * 20m) / 1_000_000);
    }

    [Fact]
    public void Price_CachedMetersWithoutACachedPrice_BillAtTheirInputRates()
    {
        var sheet = new PriceSheet(MeterTestCatalog.ImageNoCachePrices, "image-no-cache");

        var cost = sheet.Price(Usage.Of(cachedInput: 1_000, cachedAudioInput: 1_000, cachedImageInput: 1_000));

        cost.CachedInput.Value.Should().Be(1_000 * 4m / 1_000_000, "no cached text price: the text input rate");
        cost.CachedAudioInput.Value.Should().Be(1_000 * 32m / 1_000_000, "no cached audio price: the audio input rate");
        cost.CachedImageInput.Value.Should().Be(1_000 * 5m / 1_000_000, "no cached image price: the image input rate");
        MeterTestCatalog.ImageNoCachePrices.BillsAtInputRate(Meter.CachedAudioInput).Should().BeTrue();
        MeterTestCatalog.RealtimeMiniPrices.BillsAtInputRate(Meter.CachedAudioInput).Should().BeFalse();
    }

    [Fact]
    public void Price_ImageInputOnAModelWithoutAnImagePrice_IsAnErrorNamingModelAndMeter()
    {
        var sheet = new PriceSheet(TestData.Catalog.Resolve("gpt-audio-mini").Model.Prices[^1], "gpt-audio-mini");

        var act = () => sheet.Price(Usage.Of(textInput: 10, imageInput: 1_000));

        act.Should().Throw<PlannerException>()
            .Where(e => e.Kind == PlannerErrorKind.UnpricedMeter)
            .WithMessage("gpt-audio-mini has no price for image input; the request uses 1,000 image input tokens");
    }

    [Fact]
    public void Price_CachedImageWithNoImagePriceAtAll_IsAnErrorNotTheTextRate()
    {
        // A cached meter falls back only to its own input meter; with no image price there is nothing to bill at.
        var sheet = new PriceSheet(TestData.Catalog.Resolve("gpt-audio-mini").Model.Prices[^1], "gpt-audio-mini");

        sheet.Unpriced(Usage.Of(cachedImageInput: 5)).Should().Be(Meter.CachedImageInput);
        var act = () => sheet.Price(Usage.Of(cachedImageInput: 5));
        act.Should().Throw<PlannerException>().WithMessage("gpt-audio-mini has no price for cached image input; the request uses 5 cached image input tokens");
    }

    [Fact]
    public void Unpriced_WithNoTokensOnUnpricedMeters_IsNull()
    {
        var sheet = new PriceSheet(TestData.Catalog.Resolve("gpt-audio-mini").Model.Prices[^1], "gpt-audio-mini");

        sheet.Unpriced(Usage.Of(textInput: 100, cachedAudioInput: 100, audioOutput: 100)).Should().BeNull();
        sheet.UnpricedMask.Should().Be((1 << (int)Meter.ImageInput) | (1 << (int)Meter.CachedImageInput));
    }
}
