using System.Text.Json;

namespace Planner.Cli.Tests;

/// <summary>Every command answers the same way: --json everywhere, lists default to every model.</summary>
public class ConsistencyTests
{
    [Fact]
    public void Compare_WithoutModels_ComparesEveryActiveModelInCatalogOrder()
    {
        var result = CliRunner.Run("compare", "--audio-in-seconds", "60", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        var models = json.RootElement.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("model").GetString()).ToList();
        // The bundled catalog at 2026-01-15: released, no shutdown announced or its notice still ahead (2026-07-20).
        // Unreleased: gpt-audio-1.5, gpt-realtime-1.5/-2/-2.1/-2.1-mini; deprecated: the four previews (shutdown 2026-05-07).
        models.Should().Equal("gpt-audio-mini", "gpt-audio", "gpt-realtime", "gpt-realtime-mini");
        json.RootElement.GetProperty("baseline").GetString().Should().Be("gpt-audio-mini");
    }

    [Fact]
    public void Compare_OneModel_StillNeedsTwo()
    {
        var result = CliRunner.Run("compare", "--models", "gpt-audio", "--audio-in-seconds", "60");

        result.ExitCode.Should().Be(2);
        result.Error.Should().StartWith("planner: --models needs at least two models");
    }

    [Fact]
    public void Limits_WithoutModel_ShowsEveryModel()
    {
        var result = CliRunner.Run("limits", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        json.RootElement.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("model").GetString())
            .Should().Equal(
                "gpt-audio-mini", "gpt-audio", "gpt-4o-audio-preview", "gpt-4o-mini-audio-preview", "gpt-audio-1.5",
                "gpt-realtime", "gpt-realtime-1.5", "gpt-realtime-2", "gpt-realtime-2.1", "gpt-realtime-mini", "gpt-realtime-2.1-mini",
                "gpt-4o-realtime-preview", "gpt-4o-mini-realtime-preview");
        CliRunner.Run("limits").Output.Split("usage tiers").Length.Should().Be(13 + 1, "one table per model");
    }

    [Fact]
    public void Verify_Json_ReportsFilesFiguresAndMatches()
    {
        var result = CliRunner.Run("verify", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        json.RootElement.GetProperty("catalog").GetString().Should().Be(Path.Combine(CliRunner.DataDirectory, "catalog.json"));
        json.RootElement.GetProperty("bundled_copy").GetBoolean().Should().BeTrue();
        json.RootElement.GetProperty("matches").GetBoolean().Should().BeTrue();
        // One figure per row of the golden table (every "| " line but the header).
        string golden = Path.Combine(CliRunner.DataDirectory, "golden", "catalog.golden.md");
        json.RootElement.GetProperty("figures").GetInt32().Should().Be(File.ReadLines(golden).Count(l => l.StartsWith("| ", StringComparison.Ordinal)) - 1);
        json.RootElement.GetProperty("mismatches").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public void Verify_JsonWithAMismatch_ListsItAndExitsOne()
    {
        using var catalog = new TempCatalog(j => TempCatalog.Prices(j, "gpt-audio-mini")["text_output"] = 2.64m, withGolden: true);

        var result = CliRunner.Run("verify", catalog.Path, "--json");

        result.ExitCode.Should().Be(1);
        using var json = result.Json();
        json.RootElement.GetProperty("mismatches").EnumerateArray().Select(m => m.GetString())
            .Should().Equal("gpt-audio-mini | price from 2025-10-06: text_output: golden 2.4, catalog 2.64");
    }

    [Fact]
    public void GenerateTrace_Json_SaysWhatWasWritten()
    {
        string path = Path.Combine(Path.GetTempPath(), $"planner-gen-{Guid.NewGuid():N}.csv");
        try
        {
            var result = CliRunner.Run("generate-trace", "--rows", "10", "--seed", "3", "--out", path, "--json");

            result.ExitCode.Should().Be(0, result.Error);
            using var json = result.Json();
            json.RootElement.GetProperty("rows").GetInt64().Should().Be(10);
            json.RootElement.GetProperty("file").GetString().Should().Be(path);
            File.ReadAllLines(path).Length.Should().Be(11);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Diff_Json_IsTheSameAsFormatJson()
    {
        string catalog = Path.Combine(CliRunner.DataDirectory, "catalog.json");

        var json = CliRunner.Run("diff", "--base", catalog, "--head", catalog, "--json");
        var format = CliRunner.Run("diff", "--base", catalog, "--head", catalog, "--format", "json");

        json.ExitCode.Should().Be(0, json.Error);
        json.Output.Should().Be(format.Output);
        JsonDocument.Parse(json.Output).RootElement.GetProperty("passed").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public void Simulate_PeakOverTheLimit_CarriesItsExplanationInTheTable()
    {
        // The sample trace's 10:00 surge puts gpt-audio-mini's peak minute above tier 1's 30,000 TPM.
        var result = CliRunner.Run("simulate", Path.Combine(CliRunner.DataDirectory, "traces", "voice-support-day.csv"), "--tier", "1");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("%*").And.Contain("* over 100% of the limit in one calendar minute: the buckets");
    }
}
