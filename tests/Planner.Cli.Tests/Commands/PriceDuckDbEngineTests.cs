using System.Text.Json.Nodes;

namespace Planner.Cli.Tests.Commands;

public sealed class PriceDuckDbEngineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("planner-engine-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Sample => Path.Combine(CliRunner.DataDirectory, "traces", "voice-support-day.csv");

    [Fact]
    public void Price_DuckDbEngine_PrintsTheSameJsonAsTheStreamingEngine()
    {
        var streaming = CliRunner.Run("price", Sample, "--json");
        var duck = CliRunner.Run("price", Sample, "--engine", "duckdb", "--json");

        duck.ExitCode.Should().Be(0, duck.Error);
        var expected = JsonNode.Parse(streaming.Output)!.AsObject();
        var actual = JsonNode.Parse(duck.Output)!.AsObject();
        ((string?)actual["engine"]).Should().Be("duckdb");
        actual.Remove("engine");
        actual.ToJsonString().Should().Be(expected.ToJsonString());
    }

    [Fact]
    public void Price_DuckDbEngine_BadRowsStopWithExit2NamingTheReasons()
    {
        string csv = Path.Combine(_dir, "bad.csv");
        File.WriteAllText(csv, "timestamp,model,input_text_tokens\n2026-01-15T09:00:00Z,gpt-5,1\n2026-01-15T09:00:01Z,gpt-audio-mini,-1\n2026-01-15T09:00:02Z,gpt-audio-mini,10\n");

        var stopped = CliRunner.Run("price", csv, "--engine", "duckdb");
        var skipped = CliRunner.Run("price", csv, "--engine", "duckdb", "--skip-invalid", "--json");

        stopped.ExitCode.Should().Be(2);
        stopped.Error.Should().Contain($"{csv}: 2 row(s) rejected (negative_count: 1, unknown_model: 1); price the rest with --skip-invalid");
        skipped.ExitCode.Should().Be(0, skipped.Error);
        using var json = skipped.Json();
        json.RootElement.GetProperty("rows_read").GetInt64().Should().Be(3);
        json.RootElement.GetProperty("rows_rejected").GetInt64().Should().Be(2);
        json.RootElement.GetProperty("total_usd").GetDecimal().Should().Be(10 * 0.60m / 1_000_000);
    }

    [Fact]
    public void Price_StreamingEngine_RefusesSeveralFiles()
    {
        var result = CliRunner.Run("price", Sample, Sample);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("the streaming engine reads one trace, got 2 files; price several files or globs with --engine duckdb");
    }
}
