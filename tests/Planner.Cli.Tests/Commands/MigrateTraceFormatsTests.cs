namespace Planner.Cli.Tests.Commands;

/// <summary><c>migrate --trace</c> learns its workload from OpenAI's formats as well as Planner's CSV.</summary>
public sealed class MigrateTraceFormatsTests : IDisposable
{
    private readonly List<string> _written = [];

    public void Dispose()
    {
        foreach (string path in _written)
        {
            File.Delete(path);
        }
    }

    private string Write(string extension, string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"planner-migrate-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, text);
        _written.Add(path);
        return path;
    }

    private static readonly string[] Move = ["--to", "gpt-audio", "--start", "2026-12-01", "--months", "2", "--json"];

    [Fact]
    public void Migrate_ResponseLogJsonl_LearnsFromEveryResponse()
    {
        // Three Chat Completions responses (the documented object), 30 minutes apart, usage after a transcript.
        string Line(int minute) =>
            $$$$"""{"id":"chatcmpl-{{{{minute}}}}","object":"chat.completion","created":{{{{1768467600 + (minute * 60)}}}},"model":"gpt-audio-mini-2025-12-15","choices":[{"index":0,"message":{"role":"assistant","content":null,"audio":{"id":"audio_1","expires_at":1768474800,"transcript":"Your \"order\" ships tomorrow."}},"finish_reason":"stop"}],"usage":{"prompt_tokens":1500,"completion_tokens":800,"total_tokens":2300,"prompt_tokens_details":{"cached_tokens":200,"audio_tokens":1000},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":600}}}""";
        string log = Write(".jsonl", string.Join("\n", Line(0), Line(30), Line(60)) + "\n");

        var result = CliRunner.Run(["migrate", "--trace", log, .. Move]);

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        var root = json.RootElement;
        root.GetProperty("source").GetString().Should().StartWith($"{Path.GetFileName(log)} (3 requests), gpt-audio-mini-2025-12-15's rows");
        root.GetProperty("from").GetString().Should().Be("gpt-audio-mini-2025-12-15");
        root.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("model").GetString()).Should().Equal("gpt-audio");
    }

    [Fact]
    public void Migrate_UsagePagesOfHourlyBuckets_LearnsFromEveryRequestOfEveryBucket()
    {
        // A Usage API completions page (organization.usage.completions.result rows in 1h buckets), written from the
        // documented schema: 3 requests in the first hour, 5 in the second.
        string Bucket(long start, int requests) => $$$$"""
            {"object":"bucket","start_time":{{{{start}}}},"end_time":{{{{start + 3600}}}},"results":[{"object":"organization.usage.completions.result",
             "input_tokens":{{{{requests * 1500}}}},"output_tokens":{{{{requests * 800}}}},"input_cached_tokens":{{{{requests * 200}}}},"input_audio_tokens":{{{{requests * 1000}}}},
             "output_audio_tokens":{{{{requests * 600}}}},"num_model_requests":{{{{requests}}}},"project_id":"proj_voice","user_id":null,"api_key_id":null,
             "model":"gpt-audio-mini-2025-12-15","batch":false,"service_tier":null}]}
            """;
        string page = Write(".json", $$$$"""{"object":"page","data":[{{{{Bucket(1768467600, 3)}}}},{{{{Bucket(1768471200, 5)}}}}],"has_more":false,"next_page":null}""");

        var result = CliRunner.Run(["migrate", "--trace", page, .. Move]);

        result.ExitCode.Should().Be(0, result.Error);
        using var json = result.Json();
        json.RootElement.GetProperty("source").GetString().Should().StartWith($"{Path.GetFileName(page)} (8 requests), gpt-audio-mini-2025-12-15's rows");
    }

    [Fact]
    public void Migrate_UsagePageOfOneBucket_ExitsTwoSayingTheRequestsShareOneInstant()
    {
        var result = CliRunner.Run(["migrate", "--trace", Path.Combine(CliRunner.DataDirectory, "usage", "usage-page.json"), .. Move]);

        result.ExitCode.Should().Be(2);
        result.Output.Should().BeEmpty();
        result.Error.Trim().Should().Be(
            "planner: a workload needs requests at two or more different times to learn arrival rates from; all 3 are at 2026-01-15T09:00:00Z (a usage bucket's requests are read at its start: give more than one bucket)");
    }
}
