namespace Planner.Cli.Tests.Commands;

public class ProjectByTests
{
    // A Usage API page (OpenAI's organization.usage.completions schema) written by hand: two 1h buckets (a workload needs requests at two times), one project in each.
    // proj_b's input_tokens (2,000) is below its input_audio_tokens (3,000), so the page uses the text-only definition.
    private const string Page = """
        {"object": "page", "data": [{"object": "bucket", "start_time": 1768467600, "end_time": 1768471200, "results": [
          {"object": "organization.usage.completions.result", "input_tokens": 1000, "output_tokens": 500,
           "input_cached_tokens": 0, "input_audio_tokens": 0, "output_audio_tokens": 0, "num_model_requests": 2,
           "project_id": "proj_a", "user_id": null, "api_key_id": null, "model": "gpt-audio-mini-2025-12-15", "batch": false, "service_tier": null}]},
          {"object": "bucket", "start_time": 1768471200, "end_time": 1768474800, "results": [
          {"object": "organization.usage.completions.result", "input_tokens": 2000, "output_tokens": 1000,
           "input_cached_tokens": 0, "input_audio_tokens": 3000, "output_audio_tokens": 0, "num_model_requests": 3,
           "project_id": "proj_b", "user_id": null, "api_key_id": null, "model": "gpt-audio-mini-2025-12-15", "batch": false, "service_tier": null}
        ]}], "has_more": false, "next_page": null}
        """;

    private static string WritePage()
    {
        string path = Path.Combine(Path.GetTempPath(), $"planner-cli-project-by-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, Page);
        return path;
    }

    [Fact]
    public void Project_TraceBy_Project_GivesEachProjectsExactCostAddingUpToTheTrace()
    {
        // gpt-audio-mini per 1M tokens: text in $0.60, audio in $10, text out $2.40.
        const decimal projA = ((1_000 * 0.60m) + (500 * 2.40m)) / 1_000_000;                        // $0.0018
        const decimal projB = ((2_000 * 0.60m) + (3_000 * 10m) + (1_000 * 2.40m)) / 1_000_000;      // $0.0336

        var result = CliRunner.Run("project", "--trace", WritePage(), "--by", "project", "--months", "1", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        var by = json.RootElement.GetProperty("by");
        by.GetProperty("field").GetString().Should().Be("project");
        var groups = by.GetProperty("groups").EnumerateArray()
            .ToDictionary(g => g.GetProperty("group").GetString()!, g => (Requests: g.GetProperty("requests").GetInt64(), Usd: g.GetProperty("total_usd").GetDecimal()));
        groups.Should().BeEquivalentTo(new Dictionary<string, (long, decimal)> { ["proj_a"] = (2, projA), ["proj_b"] = (3, projB) });
        (groups["proj_a"].Usd + groups["proj_b"].Usd).Should().Be(0.0354m);
    }

    [Fact]
    public void Project_TraceBy_Table_SaysTheGroupsAreTheTraceAsRead()
    {
        var result = CliRunner.Run("project", "--trace", WritePage(), "--by", "project", "--months", "1");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("The trace by project, as read (exact; the projection above is of the whole trace)")
            .And.Contain("proj_a").And.Contain("proj_b").And.Contain("Cost by project");
    }

    [Fact]
    public void Project_By_WithoutTrace_ExitsTwo()
    {
        var result = CliRunner.Run("project", "--model", "gpt-audio-mini", "--requests-per-day", "100", "--by", "project");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("--by groups a trace's costs; give it with --trace");
    }

    [Fact]
    public void Project_By_UnknownField_ExitsTwo()
    {
        var result = CliRunner.Run("project", "--trace", WritePage(), "--by", "team");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("--by must be project, api_key, user or model, got 'team'");
    }
}
