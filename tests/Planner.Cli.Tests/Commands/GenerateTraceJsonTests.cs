namespace Planner.Cli.Tests.Commands;

public class GenerateTraceJsonTests
{
    [Fact]
    public void GenerateTrace_Json_KeepsItsFieldNamesAndValues()
    {
        string path = Path.Combine(Path.GetTempPath(), $"planner-generated-{Guid.NewGuid():N}.csv");
        try
        {
            var result = CliRunner.Run("generate-trace", "--out", path, "--rows", "25", "--seed", "7", "--days", "2", "--start", "2026-03-02", "--json");

            result.ExitCode.Should().Be(0, result.Error);
            using var json = result.Json();
            var root = json.RootElement;
            root.EnumerateObject().Select(p => p.Name).Should().Equal("file", "rows", "seed", "days", "start");
            root.GetProperty("file").GetString().Should().Be(path);
            root.GetProperty("rows").GetInt64().Should().Be(25);
            root.GetProperty("seed").GetInt32().Should().Be(7);
            root.GetProperty("days").GetInt32().Should().Be(2);
            root.GetProperty("start").GetString().Should().Be("2026-03-02");
            File.ReadLines(path).Count().Should().Be(26, "a header and 25 rows");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
