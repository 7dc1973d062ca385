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
        result.Output.Should().Contain("gpt-4o-mini-audio-preview").And.Contain("$0.60").And.Contain("$0.15").And.Contain("context 128,000, max out 16,384");
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

    private static string RunAt80(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment(output, error, () => CliRunner.Now, CliRunner.DataDirectory);
        environment.Console.Profile.Width = 80;
        PlannerApp.Run(args, environment).Should().Be(0, error.ToString());
        return output.ToString();
    }

    /// <summary>Each table row whose first cell is <paramref name="model"/>, its cells joined by spaces, with the
    /// next line's (a price row puts its meters on a second line).</summary>
    private static string[] Row(string output, string model)
    {
        var lines = output.Split('\n').Select(l => l.TrimEnd()).ToArray();
        static string Cells(string line) => string.Join(" ", line.Split('│', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        return Enumerable.Range(0, lines.Length).Where(i => lines[i].StartsWith("│ " + model + " ", StringComparison.Ordinal))
            .Select(i => Cells(lines[i]) + (i + 1 < lines.Length && lines[i + 1].StartsWith("│   ", StringComparison.Ordinal) && !lines[i + 1].StartsWith("│   -", StringComparison.Ordinal) ? " " + Cells(lines[i + 1]) : "")).ToArray();
    }

    [Theory]
    [InlineData("2025-01-01")]
    [InlineData("2026-08-01")]
    [InlineData("2027-02-01")]
    public void Models_Table_FitsEightyColumns(string day)
    {
        var output = RunAt80("models", "--at", day);

        output.Split('\n').Should().OnlyContain(line => line.TrimEnd('\r').Length <= 80);
        output.Should().Contain("Shuts down").And.Contain("Replacement");
    }

    [Theory]
    // gpt-audio-mini: released 2025-10-06, deprecation notice 2026-07-20, shutdown 2027-01-20, replacement gpt-audio-1.5.
    [InlineData("2025-01-01", "gpt-audio-mini unreleased 2027-01-20 gpt-audio-1.5")]
    [InlineData("2026-01-15", "gpt-audio-mini active 2027-01-20 gpt-audio-1.5")]
    [InlineData("2026-08-01", "gpt-audio-mini deprecated 2027-01-20 gpt-audio-1.5")]
    [InlineData("2027-02-01", "gpt-audio-mini shut down 2027-01-20 gpt-audio-1.5")]
    public void Models_At_ShowsTheStatusOnThatDay(string day, string row)
    {
        var result = CliRunner.Run("models", "--at", day);

        result.ExitCode.Should().Be(0, result.Error);
        Row(result.Output, "gpt-audio-mini")[0].Should().StartWith(row);
    }

    [Fact]
    public void Models_At_ShowsThePricesInEffectThenPerModelAndSnapshot()
    {
        // On 2025-01-01 gpt-4o-audio-preview bills the 2024-12-17 prices ($40 audio input), its 2024-10-01
        // snapshot keeps the launch $100, and gpt-audio-mini (first price 2025-10-06) has none yet.
        var result = CliRunner.Run("models", "--at", "2025-01-01");

        result.ExitCode.Should().Be(0, result.Error);
        var preview = Row(result.Output, "gpt-4o-audio-preview");
        preview.Should().Contain(r => r.StartsWith("gpt-4o-audio-preview 2024-12-17 ", StringComparison.Ordinal) && r.Contains("Audio input $40.00"));
        Row(result.Output, "  -2024-10-01").Should().Contain(r => r.Contains("Audio input $100.00"));
        Row(result.Output, "gpt-audio-mini").Should().Contain(r => r.StartsWith("gpt-audio-mini - no price yet (first from 2025-10-06)", StringComparison.Ordinal));
    }

    [Fact]
    public void Models_Json_At_GivesTheStatusOnThatDay()
    {
        var result = CliRunner.Run("models", "--json", "--at", "2026-08-01");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        json.RootElement.GetProperty("at").GetString().Should().Be("2026-08-01");
        var mini = json.RootElement.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "gpt-audio-mini");
        mini.GetProperty("status").GetString().Should().Be("deprecated");
        mini.GetProperty("replacement").GetString().Should().Be("gpt-audio-1.5");
    }

    [Fact]
    public void Models_BadAt_ExitsTwo()
    {
        var result = CliRunner.Run("models", "--at", "yesterday");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("--at must be an ISO-8601 date");
    }
}
