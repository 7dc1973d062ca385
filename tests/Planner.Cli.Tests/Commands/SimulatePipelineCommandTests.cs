namespace Planner.Cli.Tests.Commands;

/// <summary>simulate and recommend read through a pipeline: a bad row many batches into the trace still stops the
/// command with its file and line, exit 2 and nothing on standard output.</summary>
public sealed class SimulatePipelineCommandTests : IDisposable
{
    private readonly List<string> _written = [];

    public void Dispose()
    {
        foreach (string path in _written)
        {
            File.Delete(path);
        }
    }

    /// <summary>A generated 20,000-row trace with line <paramref name="line"/> replaced by a row whose output is not a number.</summary>
    private string TraceWithBadRow(int line)
    {
        string path = Path.Combine(Path.GetTempPath(), $"planner-pipeline-{Guid.NewGuid():N}.csv");
        _written.Add(path);
        CliRunner.Run("generate-trace", "--rows", "20000", "--seed", "3", "--out", path).ExitCode.Should().Be(0);
        var lines = File.ReadAllLines(path);
        lines[line - 1] = "2026-01-15T23:59:59Z,gpt-audio-mini,10,0,0,twelve,0,,req_bad";
        File.WriteAllLines(path, lines);
        return path;
    }

    [Theory]
    [InlineData("simulate", "--tier", "1")]
    [InlineData("simulate", "--tier", "5", "--json")]
    [InlineData("recommend")]
    [InlineData("recommend", "--json")]
    public void BadRowMidTrace_ExitsTwoWithFileAndLine_AndPrintsNoReport(params string[] command)
    {
        string trace = TraceWithBadRow(15_000);

        var result = CliRunner.Run([command[0], trace, .. command[1..]]);

        result.ExitCode.Should().Be(2);
        result.Output.Should().BeEmpty();
        result.Error.Trim().Should().StartWith($"planner: {trace}:15000: output_text_tokens: ");
        result.Error.Trim().Split('\n').Should().ContainSingle();
    }

    [Fact]
    public void Simulate_SkipInvalid_ReportsTheBadRowAndSimulatesTheRest()
    {
        string trace = TraceWithBadRow(15_000);

        var result = CliRunner.Run("simulate", trace, "--tier", "5", "--skip-invalid", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        var root = json.RootElement;
        root.GetProperty("rows_read").GetInt64().Should().Be(20_000);
        root.GetProperty("rows_priced").GetInt64().Should().Be(19_999);
        root.GetProperty("rows_rejected").GetInt64().Should().Be(1);
    }
}
