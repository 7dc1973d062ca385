namespace Planner.Cli.Tests.Rendering;

/// <summary>Issue 12 §4: every command's default (table) output, run on the bundled data as in its --help
/// examples, fits a console 80 columns wide: wide tables are split or wrap by design, never run off the edge.</summary>
public class NarrowConsoleTests
{
    private const int Width = 80;

    private static string Data(params string[] parts) => Path.Combine([CliRunner.DataDirectory, .. parts]);

    private static string Trace => Data("traces", "voice-support-day.csv");

    public static TheoryData<string[]> Commands() => new()
    {
        new[] { "cost", "--model", "gpt-audio-mini", "--audio-in-seconds", "120", "--audio-out-seconds", "60" },
        new[] { "compare", "--models", "gpt-audio,gpt-audio-mini", "--audio-in-seconds", "120", "--audio-out-seconds", "60" },
        new[] { "capacity", "--model", "gpt-audio-mini", "--tier", "1", "--audio-in-seconds", "30", "--audio-out-seconds", "15" },
        new[] { "limits", "--model", "gpt-audio-mini" },
        new[] { "price", Trace },
        new[] { "simulate", Trace, "--tier", "1" },
        new[] { "simulate", Trace, "--tier", "2" },
        new[] { "recommend", Trace },
        new[] { "project", "--model", "gpt-audio-mini", "--requests-per-day", "1000", "--audio-in-seconds", "120", "--audio-out-seconds", "60", "--months", "3", "--growth", "10" },
        new[] { "project", "--model", "gpt-audio", "--requests-per-day", "1000", "--requests-per-day-sd", "150", "--audio-in-seconds", "120", "--audio-out-seconds", "60", "--compare-models", "gpt-audio,gpt-audio-mini", "--budget", "3000" },
        // call and migrate as in their --help, but with models released by the runner's fixed clock (2026-01-15).
        new[] { "call", "--model", "gpt-audio-mini", "--turns", "8", "--user-audio-seconds", "10", "--assistant-audio-seconds", "20", "--system-text-tokens", "500" },
        new[] { "migrate", "--from", "gpt-audio-mini", "--calls-per-day", "20000", "--minutes", "4", "--user-audio-seconds", "10", "--assistant-audio-seconds", "20", "--months", "3", "--to", "gpt-audio" },
        new[] { "reconcile", "--usage", Data("usage", "usage-page.json"), "--costs", Data("usage", "costs-page.json"), "--tolerance", "0.01" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void DefaultOutput_At80Columns_HasNoLineLongerThan80(string[] args)
    {
        var result = CliRunner.RunAtWidth(Width, args);

        result.ExitCode.Should().BeOneOf([0, 1], result.Error);
        LongLines(result.Output).Should().BeEmpty($"'{string.Join(' ', args)}' should fit {Width} columns");
    }

    [Fact]
    public void Diff_At80Columns_HasNoLineLongerThan80()
    {
        // A real change, so the diff has rows to show: gpt-audio-mini's audio input from the bundled $10 / 1M to $12 / 1M.
        using var head = new TempCatalog(j => TempCatalog.Prices(j, "gpt-audio-mini")["audio_input"] = 12m);

        var result = CliRunner.RunAtWidth(Width, "diff", "--base", Data("catalog.json"), "--head", head.Path, "--workload", Trace);

        result.ExitCode.Should().BeOneOf([0, 1], result.Error);
        result.Output.Should().Contain("gpt-audio-mini");
        LongLines(result.Output).Should().BeEmpty();
    }

    [Fact]
    public void Crosscheck_At80Columns_HasNoLineLongerThan80()
    {
        // LiteLLM's format, written by hand: gpt-audio-mini's text input at $0.70 / 1M against the catalog's $0.60.
        string reference = Path.Combine(Path.GetTempPath(), "planner-narrow-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(reference, """
            {"gpt-audio-mini": {"input_cost_per_token": 7e-07, "output_cost_per_token": 2.4e-06, "input_cost_per_audio_token": 1e-05,
              "output_cost_per_audio_token": 2e-05, "max_input_tokens": 128000, "max_output_tokens": 16384}}
            """);
        try
        {
            var result = CliRunner.RunAtWidth(Width, "crosscheck", "--litellm", reference);

            result.ExitCode.Should().Be(1, result.Error);
            LongLines(result.Output).Should().BeEmpty();
        }
        finally
        {
            File.Delete(reference);
        }
    }

    [Fact]
    public void Simulate_PeakOverItsLimit_CarriesTheExplanationInsideTheTokensTable()
    {
        // Tier 1 gives gpt-audio-mini 30,000 TPM; the bundled day's busiest calendar minute is above it (buckets start full).
        var result = CliRunner.RunAtWidth(Width, "simulate", Trace, "--tier", "1");

        string output = result.Output;
        int title = output.IndexOf("Tokens against the tier's TPM limit", StringComparison.Ordinal);
        int note = output.IndexOf("* over 100% of the limit", StringComparison.Ordinal);
        int after = output.IndexOf("busiest rolling 60 s", StringComparison.Ordinal);
        title.Should().BeGreaterThan(-1);
        output[title..note].Should().Contain("%*", "the starred figure is in the table the note explains");
        note.Should().BeGreaterThan(title).And.BeLessThan(after, "the note is the table's caption, not a line among the notes after it");
    }

    private static List<string> LongLines(string output) =>
        output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > Width).ToList();
}
