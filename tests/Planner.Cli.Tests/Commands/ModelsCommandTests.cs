namespace Planner.Cli.Tests.Commands;

public class ModelsCommandTests
{
    [Fact]
    public void Models_Json_ListsEveryModelWithPricesCapsAndSnapshots()
    {
        var result = CliRunner.Run("models", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        var models = json.RootElement.GetProperty("models").EnumerateArray().ToList();
        models.Select(m => m.GetProperty("id").GetString()).Should().Equal(
            "gpt-audio-mini", "gpt-audio", "gpt-4o-audio-preview", "gpt-4o-mini-audio-preview", "gpt-audio-1.5",
            "gpt-realtime", "gpt-realtime-1.5", "gpt-realtime-2", "gpt-realtime-2.1", "gpt-realtime-mini", "gpt-realtime-2.1-mini",
            "gpt-4o-realtime-preview", "gpt-4o-mini-realtime-preview");
        var mini = models[0];
        mini.GetProperty("context_window").GetInt64().Should().Be(128_000);
        mini.GetProperty("max_output_tokens").GetInt64().Should().Be(16_384);
        mini.GetProperty("snapshots").EnumerateArray().Select(s => s.GetString()).Should().Contain("gpt-audio-mini-2025-10-06");
        var prices = mini.GetProperty("prices")[0].GetProperty("usd_per_1m_tokens");
        prices.GetProperty("audio_input").GetDecimal().Should().Be(10.00m);
        prices.GetProperty("cached_input").GetDecimal().Should().Be(0.60m, "cached input bills at the text input rate where none is listed");
        json.RootElement.GetProperty("audio_token_rates").GetProperty("assumption").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public void Models_Table_ShowsPricesAsPriceTablesDo()
    {
        var result = CliRunner.Run("models");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("gpt-4o-mini-audio-preview").And.Contain("$0.60").And.Contain("$0.15").And.Contain("128,000 / 16,384");
    }

    [Fact]
    public void Models_InvalidCatalog_ExitsTwoListingEveryError()
    {
        string path = Path.Combine(Path.GetTempPath(), $"planner-bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"version": "x", "currency": "EUR", "audio_token_rates": {"input_tokens_per_second": 10, "output_tokens_per_second": 20, "source": {"url": "https://a.test"}}, "models": []}""");
        try
        {
            var result = CliRunner.Run("models", "--catalog", path);

            result.ExitCode.Should().Be(2);
            result.Error.Should().Contain($"planner: {path}: catalog is not valid (3 errors):")
                .And.Contain("currency: must be \"USD\", got \"EUR\"")
                .And.Contain("tier_schemes: is required")
                .And.Contain("models: must list at least one model");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
