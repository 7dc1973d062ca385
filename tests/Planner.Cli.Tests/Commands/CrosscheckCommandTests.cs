using System.Text.Json;

namespace Planner.Cli.Tests.Commands;

/// <summary><c>planner crosscheck</c> on the bundled catalog (prices of 2026-01-15, the runner's clock) against
/// reference files written by hand in LiteLLM's format.</summary>
public class CrosscheckCommandTests
{
    /// <summary>gpt-audio-mini right; gpt-audio with its 2025-10-02 audio prices ($40 / $80, since cut to $32 / $64).</summary>
    private const string LiteLlm = """
        {
          "gpt-audio-mini": {"input_cost_per_token": 6e-07, "output_cost_per_token": 2.4e-06, "input_cost_per_audio_token": 1e-05,
            "output_cost_per_audio_token": 2e-05, "max_input_tokens": 128000, "max_output_tokens": 16384, "litellm_provider": "openai"},
          "gpt-audio": {"input_cost_per_token": 2.5e-06, "output_cost_per_token": 1e-05, "input_cost_per_audio_token": 4e-05,
            "output_cost_per_audio_token": 8e-05, "max_input_tokens": 128000, "max_output_tokens": 16384, "litellm_provider": "openai"}
        }
        """;

    private const string Agreeing = """
        {"gpt-audio-mini": {"input_cost_per_token": 6e-07, "output_cost_per_token": 2.4e-06, "input_cost_per_audio_token": 1e-05,
          "output_cost_per_audio_token": 2e-05, "max_input_tokens": 128000, "max_output_tokens": 16384}}
        """;

    private static string File(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), "planner-crosscheck-cli-" + Guid.NewGuid().ToString("N") + ".json");
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Crosscheck_Disagreement_ExitsOneAndListsEachFigure()
    {
        string file = File(LiteLlm);

        var result = CliRunner.Run("crosscheck", "--litellm", file, "--json");

        result.ExitCode.Should().Be(1, result.Error);
        using var json = result.Json();
        var rows = json.RootElement.GetProperty("disagreements").EnumerateArray()
            .Select(d => (d.GetProperty("model").GetString(), d.GetProperty("field").GetString(), d.GetProperty("planner").GetString(), d.GetProperty("reference").GetString()))
            .ToList();
        rows.Should().Equal(("gpt-audio", "audio_input", "32", "40"), ("gpt-audio", "audio_output", "64", "80"));
        json.RootElement.GetProperty("tolerance_usd_per_1m").GetDecimal().Should().Be(0.000001m);
        json.RootElement.GetProperty("at").GetString().Should().Be("2026-01-15");
        json.RootElement.GetProperty("agrees").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public void Crosscheck_Table_ShowsTheDisagreementsWithin80Columns()
    {
        var result = CliRunner.Run("crosscheck", "--litellm", File(LiteLlm));

        result.ExitCode.Should().Be(1, result.Error);
        result.Output.Should().Contain("audio_input").And.Contain("2 disagreement(s).")
            .And.Contain("LiteLLM does not list gpt-4o-audio-preview (not a disagreement).");
        result.Output.Split('\n').Where(l => l.Contains('│')).Should().OnlyContain(l => l.TrimEnd().Length <= 80);
    }

    [Fact]
    public void Crosscheck_NoDisagreement_ExitsZero()
    {
        var result = CliRunner.Run("crosscheck", "--litellm", File(Agreeing));

        result.ExitCode.Should().Be(0, result.Output + result.Error);
        result.Output.Should().Contain("No disagreement.");
    }

    [Fact]
    public void Crosscheck_UnreadableFile_ExitsTwoNamingIt()
    {
        string file = File("{ not json");

        var result = CliRunner.Run("crosscheck", "--litellm", file);

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Should().StartWith($"planner: {file}: not valid JSON (line 1");
    }

    [Fact]
    public void Crosscheck_WithoutAnyFile_ExitsTwoSayingWhatToGive()
    {
        var result = CliRunner.Run("crosscheck");

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Should().Be("planner: give --litellm FILE, --genai-prices FILE, or both");
    }
}
