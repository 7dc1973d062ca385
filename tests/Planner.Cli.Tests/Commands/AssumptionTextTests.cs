using System.Text.Json;

namespace Planner.Cli.Tests.Commands;

/// <summary>One assumption key has one explanation, whichever command states it.</summary>
public class AssumptionTextTests
{
    private const string Why = "not documented by OpenAI; Planner assumes audio tokens count toward TPM like text tokens (docs/catalog-facts.md)";

    public static TheoryData<string[]> CommandsAssumingAudioCountsTowardTpm() => new()
    {
        new[] { "capacity", "--model", "gpt-audio-mini", "--tier", "1", "--audio-in", "100", "--json" },
        new[] { "capacity", "--model", "gpt-realtime-2.1-mini", "--tier", "1", "--concurrent-calls", "10", "--minutes", "4", "--user-audio-seconds", "10", "--assistant-audio-seconds", "20", "--at", "2026-12-01", "--json" },
        new[] { "simulate", Path.Combine(CliRunner.DataDirectory, "traces", "voice-support-day.csv"), "--tier", "5", "--json" },
    };

    [Theory]
    [MemberData(nameof(CommandsAssumingAudioCountsTowardTpm))]
    public void AudioCountsTowardTpm_HasTheSameWhyEverywhere_CitingAPublicDoc(string[] args)
    {
        var result = CliRunner.Run(args);

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        var item = json.RootElement.GetProperty("assumptions").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "audio_counts_toward_tpm");
        item.GetProperty("why").GetString().Should().Be(Why);
        File.Exists(Path.Combine(RepoRoot(), "docs", "catalog-facts.md")).Should().BeTrue("the text cites it");
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "docs")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("no docs/ above the test binaries");
    }
}
