namespace Planner.Cli.Tests.Commands;

/// <summary>Dates near the end of the calendar (9999-12-31) are a user's input: they are refused by field or
/// priced, never an internal error.</summary>
public class FarFutureDateTests
{
    private const string StartError =
        "--start must be 2000-01-01 to 2999-12-31 (a horizon of up to 600 months must end on a real date), got '9999-12-01'";

    [Fact]
    public void Project_StartInTheYear9999_IsRefusedByItsFlag()
    {
        var result = CliRunner.Run("project", "--model", "gpt-audio-mini", "--audio-in", "1", "--requests-per-day", "1000", "--start", "9999-12-01");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Be("planner: " + StartError + Environment.NewLine);
    }

    [Fact]
    public void Migrate_StartInTheYear9999_IsRefusedByItsFlag()
    {
        var result = CliRunner.Run("migrate", "--from", "gpt-audio-1.5", "--to", "gpt-realtime-2", "--requests-per-day", "10", "--audio-in", "10", "--start", "9999-12-01");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Be("planner: " + StartError + Environment.NewLine);
    }

    [Fact]
    public void Project_LatestStartWithTheLongestHorizon_Projects()
    {
        var result = CliRunner.Run("project", "--model", "gpt-audio-1.5", "--audio-in", "1", "--requests-per-day", "1000", "--start", "2999-12-31", "--months", "600", "--at", "2026-12-01", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        json.RootElement.GetProperty("months").GetArrayLength().Should().Be(600);
    }

    [Fact]
    public void Project_TraceEndingOn9999_12_31_LearnsItsRateInsteadOfCrashing()
    {
        // One request an hour on 9999-12-31: the learner's end (the last plus one gap) is past the last instant.
        string path = Path.Combine(Path.GetTempPath(), $"planner-far-future-{Guid.NewGuid():N}.csv");
        var lines = new List<string> { "timestamp,model,input_text_tokens,cached_input_tokens,input_audio_tokens,output_text_tokens,output_audio_tokens,max_tokens,request_id" };
        for (int hour = 0; hour < 24; hour++)
        {
            lines.Add($"9999-12-31T{hour:00}:30:00Z,gpt-audio-1.5,10,0,10,10,10,1024,r{hour}");
        }

        File.WriteAllLines(path, lines);
        try
        {
            var result = CliRunner.Run("project", "--trace", path, "--months", "1", "--at", "2026-12-01", "--json");

            result.ExitCode.Should().Be(0, result.Error);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
