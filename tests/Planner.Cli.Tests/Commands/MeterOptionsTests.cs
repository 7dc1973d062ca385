using System.Text.Json.Nodes;

namespace Planner.Cli.Tests.Commands;

/// <summary>The request-shape options of the meters added in issue 8 (cached audio, image, cached image),
/// on a catalog holding gpt-realtime-2.1-mini with FACTS.md section 2's prices (the bundled catalog gains
/// the realtime models with the catalog branch).</summary>
public class MeterOptionsTests
{
    /// <summary>gpt-realtime-2.1-mini: text 0.60 / 0.06 / 2.40, audio 10 / 0.30 / 20, image 0.80 / 0.08 (FACTS.md 2).</summary>
    private static TempCatalog WithRealtimeMini() => new(j =>
    {
        var model = TempCatalog.Model(j, "gpt-audio-mini").DeepClone().AsObject();
        model["id"] = "gpt-realtime-2.1-mini";
        model["snapshots"] = new JsonArray();
        var prices = model["prices"]![0]!.AsObject();
        prices["cached_text_input"] = 0.06m;
        prices["cached_audio_input"] = 0.30m;
        prices["image_input"] = 0.80m;
        prices["cached_image_input"] = 0.08m;
        model["limits"]!["max_output_tokens"] = 32000;
        j["models"]!.AsArray().Add(model);
    });

    [Fact]
    public void Cost_CachedAudioAndImage_ArePricedAtTheirRatesWithEveryKeyInTheJson()
    {
        using var catalog = WithRealtimeMini();

        var result = CliRunner.Run("cost", "--catalog", catalog.Path, "--model", "gpt-realtime-2.1-mini",
            "--cached-audio-in", "1000", "--image-in", "2000", "--cached-image-in", "500", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        var breakdown = json.RootElement.GetProperty("breakdown_usd");
        breakdown.EnumerateObject().Select(p => p.Name).Should().Equal(
            "text_input", "cached_input", "audio_input", "cached_audio_input", "image_input", "cached_image_input", "text_output", "audio_output");
        breakdown.GetProperty("cached_audio_input").GetDecimal().Should().Be(1_000 * 0.30m / 1_000_000);
        breakdown.GetProperty("image_input").GetDecimal().Should().Be(2_000 * 0.80m / 1_000_000);
        breakdown.GetProperty("cached_image_input").GetDecimal().Should().Be(500 * 0.08m / 1_000_000);
        json.RootElement.GetProperty("tokens").GetProperty("cached_audio_input").GetInt64().Should().Be(1_000);
        json.RootElement.GetProperty("total_usd").GetDecimal().Should().Be((1_000 * 0.30m + 2_000 * 0.80m + 500 * 0.08m) / 1_000_000);
    }

    [Fact]
    public void Cost_ImageOnAModelWithoutAnImagePrice_ExitsTwoNamingModelAndMeter()
    {
        var result = CliRunner.Run("cost", "--model", "gpt-audio-mini", "--text-in", "10", "--image-in", "1000");

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Should().Be("planner: gpt-audio-mini has no price for image input; the request uses 1,000 image input tokens");
    }

    [Fact]
    public void Cost_CachedAudioWithoutACachedPrice_BillsAtTheAudioRateAndSaysSo()
    {
        var result = CliRunner.Run("cost", "--model", "gpt-audio-mini", "--cached-audio-in", "1000", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        json.RootElement.GetProperty("total_usd").GetDecimal().Should().Be(1_000 * 10.00m / 1_000_000, "gpt-audio-mini lists no cached audio price");
        var assumption = json.RootElement.GetProperty("assumptions").EnumerateArray()
            .Single(a => a.GetProperty("name").GetString() == "cached_audio_input_usd_per_1m");
        assumption.GetProperty("value").GetString().Should().Be("$10.00 on gpt-audio-mini");
        assumption.GetProperty("why").GetString().Should().Be("gpt-audio-mini lists no cached audio input price; cached tokens bill at the audio input rate");
    }

    [Fact]
    public void Compare_CachedAudio_ListsTheFallbackOfEachModelThatHasOne()
    {
        using var catalog = WithRealtimeMini();

        var result = CliRunner.Run("compare", "--catalog", catalog.Path, "--models", "gpt-audio-mini,gpt-realtime-2.1-mini", "--cached-audio-in", "1000");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("cached_audio_input_usd_per_1m = $10.00 on gpt-audio-mini")
            .And.NotContain("on gpt-realtime-2.1-mini", "it lists its own cached audio price");
    }

    [Fact]
    public void Cost_Table_ShowsOnlyMetersWithTokensOrAPriceWithin80Columns()
    {
        var result = CliRunner.Run("cost", "--model", "gpt-audio-mini", "--text-in", "100", "--cached-audio-in", "1000");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("Cached audio input").And.Contain("Text input").And.Contain("Audio output")
            .And.NotContain("Image input", "gpt-audio-mini prices no image and the request has none")
            .And.NotContain("Cached text input", "no cached text tokens and no cached text price");
        var tableLines = result.Output.Split('\n').Where(l => l.Contains('│') || l.Contains('─'));
        tableLines.Should().OnlyContain(l => l.TrimEnd().Length <= 80);
    }

    [Theory]
    [InlineData("--cached-audio-in")]
    [InlineData("--image-in")]
    [InlineData("--cached-image-in")]
    public void Cost_NegativeCountOnANewMeter_ExitsTwo(string option)
    {
        var result = CliRunner.Run("cost", "--model", "gpt-audio-mini", option, "-3");

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Should().Be($"planner: {option} must be a token count from 0 to 1,000,000,000 (what one request can carry), got -3");
    }
}
