namespace Planner.Cli.Tests.Commands;

/// <summary>price, reconcile and calibrate on the hand-written example files in data/usage (see its README for the figures).</summary>
public class UsageCommandsTests
{
    private static string Usage(string name) => Path.Combine(CliRunner.DataDirectory, "usage", name);

    private static string Write(string text, string extension)
    {
        string path = Path.Combine(Path.GetTempPath(), $"planner-cli-usage-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Price_ResponseLogAndUsagePage_OfTheSameTraffic_CostTheSame()
    {
        // 620 text + 500 cached at $0.60, 3,300 audio in at $10, 320 text out at $2.40, 2,100 audio out at $20 per 1M.
        const decimal expected = ((1_120 * 0.60m) + (3_300 * 10m) + (320 * 2.40m) + (2_100 * 20m)) / 1_000_000;
        foreach (string file in new[] { "responses.jsonl", "usage-page.json" })
        {
            var result = CliRunner.Run("price", Usage(file), "--json");

            result.ExitCode.Should().Be(0, result.Error);
            using var json = result.Json();
            json.RootElement.GetProperty("total_usd").GetDecimal().Should().Be(expected, file);
            json.RootElement.GetProperty("requests_billed").GetInt64().Should().Be(3, file);
        }
    }

    [Fact]
    public void Price_By_Project_ListsEachGroupAddingUpToTheTotal()
    {
        var result = CliRunner.Run("price", Usage("usage-page.json"), "--by", "project", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        var group = json.RootElement.GetProperty("by").GetProperty("groups").EnumerateArray().Single();
        group.GetProperty("group").GetString().Should().Be("proj_voice");
        group.GetProperty("total_usd").GetDecimal().Should().Be(json.RootElement.GetProperty("total_usd").GetDecimal());
    }

    [Fact]
    public void Price_CsvWithoutUsageColumns_ExitsTwoNamingTheColumns()
    {
        string path = Write("timestamp,model,tokens\n2026-01-15T09:00:00Z,gpt-audio-mini,5\n", ".csv");

        var result = CliRunner.Run("price", path);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("header: no token, seconds or usage column Planner reads, so every row would price to $0; ignored: timestamp, model, tokens");
    }

    [Fact]
    public void Reconcile_MatchingBill_ExitsZero()
    {
        var result = CliRunner.Run("reconcile", "--usage", Usage("usage-page.json"), "--costs", Usage("costs-page.json"), "--tolerance", "0", "--format", "json");

        result.ExitCode.Should().Be(0, result.Output + result.Error);
        using var json = result.Json();
        json.RootElement.GetProperty("matches").GetBoolean().Should().BeTrue();
        json.RootElement.GetProperty("billed_usd").GetDecimal().Should().Be(0.000672m + 0.033m + 0.000768m + 0.042m);
    }

    [Fact]
    public void Reconcile_BillOffByACentOnOneLineItem_ExitsOne_AndMarksIt()
    {
        string costs = File.ReadAllText(Usage("costs-page.json")).Replace("\"value\": 0.042,", "\"value\": 0.052,", StringComparison.Ordinal);
        string path = Write(costs, ".json");

        var result = CliRunner.Run("reconcile", "--usage", Usage("usage-page.json"), "--costs", path, "--tolerance", "0.005", "--format", "markdown");

        result.ExitCode.Should().Be(1);
        result.Output.Should().Contain("❌ differs from the bill")
            .And.Contain("| 2026-01-15 | gpt-audio-mini-2025-12-15 | Audio output | $0.042 | $0.052 | $0.01 | ❌ |");
    }

    [Fact]
    public void Calibrate_ResponseLogWithDurations_PrintsTheAudioRatesAsOptions()
    {
        var result = CliRunner.Run("calibrate", Usage("responses.jsonl"));

        result.ExitCode.Should().Be(0, result.Error);
        // (1,000 + 500 + 1,800) / (95.5 + 48 + 172) = 10.46 tokens/s in; (600 + 400 + 1,100) / (29 + 19.5 + 54) = 20.49 out.
        result.Output.Should().Contain("Use: --audio-in-rate 10.46 --audio-out-rate 20.49");
    }

    [Fact]
    public void Calibrate_OnAUsagePage_ExitsTwoSayingWhy()
    {
        var result = CliRunner.Run("calibrate", Usage("usage-page.json"));

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("calibrate reads a response log or Realtime events, not usage-pages");
    }
}
