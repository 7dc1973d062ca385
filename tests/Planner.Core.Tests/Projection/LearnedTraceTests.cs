using System.Text;
using Planner.Core.Ingest;
using Planner.Core.Projection;
using Planner.Core.Tests.Traces;
using Planner.Core.Traces;

namespace Planner.Core.Tests.Projection;

/// <summary>A trace learned in chunks (every implementation of <see cref="TraceReadImplementation"/>) learns, prices
/// and rejects exactly what the sequential read does.</summary>
public class LearnedTraceTests
{
    /// <summary>The learner's fingerprint, the costs by model and group, and the read's counts and rejections.</summary>
    private static string Learn(string path, TraceChunking chunking, bool skipInvalid = false, int sampleSize = 300)
    {
        var rejections = new TraceRejections();
        var options = new TraceOptions { SkipInvalid = skipInvalid, RequireRequests = true, Chunking = chunking };
        using var source = UsageFormats.Open(path, TestData.Catalog, options, rejections);
        var learned = LearnedTrace.Read(source, seed: 4, withCosts: true, UsageGroupBy.Model, sampleSize);
        var lines = new List<string>
        {
            $"read {source.RowsRead}, priced {source.RowsPriced}, rejected {rejections.Count}",
            $"total {learned.Costs!.Totals.TotalPicodollars} pico, {learned.Costs.Totals.Requests} requests",
        };
        lines.AddRange(learned.Groups!.Groups.Select(g => $"group {g.Group}: {g.Totals.Requests} {g.Totals.Total}"));
        lines.AddRange(rejections.First.Select(r => $"rejected line {r.Line}: {r.Kind}: {r.Message}"));
        lines.Add(WorkloadFingerprint.Of(learned.Learner));
        return string.Join("\n", lines);
    }

    [Fact]
    public void Read_GeneratedTraceInEveryChunking_LearnsAndPricesWhatTheSequentialReadDoes()
    {
        string path = TestData.TempPath("learned-trace.csv");
        TraceGenerator.Write(path, new TraceGeneratorOptions { Rows = 20_000, Days = 3, Seed = 5 });
        string sequential = Learn(path, TraceChunking.Sequential);

        foreach (var implementation in TraceReadImplementation.All.Where(i => !i.CostsOnly && i.Name != "a chunk per line"))
        {
            Learn(path, implementation.Chunking).Should().Be(sequential, implementation.Name);
        }

        sequential.Should().Contain("read 20000, priced 20000").And.Contain("kept ");
    }

    [Fact]
    public void Read_RunsAtOneInstantAndBadRowsInEveryChunking_LearnsAndRejectsWhatTheSequentialReadDoes()
    {
        // Runs of requests at one second (so chunk boundaries fall inside runs), a row out of order and a bad model.
        var lines = new List<string> { "timestamp,model,input_text_tokens,output_text_tokens,max_tokens" };
        var random = new Random(9);
        var at = new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero);
        for (int i = 0; i < 600; i++)
        {
            at = at.AddSeconds(random.Next(3) == 0 ? 37 : 0);
            string model = random.Next(3) == 0 ? "gpt-audio" : "gpt-audio-mini";
            lines.Add(i switch
            {
                100 => $"{at.AddMinutes(-5):yyyy-MM-ddTHH:mm:ssZ},{model},10,10,",
                300 => $"{at:yyyy-MM-ddTHH:mm:ssZ},gpt-nothing,10,10,",
                _ => $"{at:yyyy-MM-ddTHH:mm:ssZ},{model},{random.Next(1, 5_000)},{random.Next(0, 900)},{(i % 5 == 0 ? "2000" : "")}",
            });
        }

        string path = TestData.Trace([.. lines]);
        string sequential = Learn(path, TraceChunking.Sequential, skipInvalid: true, sampleSize: 40);
        var failure = Record.Exception(() => Learn(path, TraceChunking.Sequential));

        foreach (var implementation in TraceReadImplementation.All.Where(i => !i.CostsOnly))
        {
            Learn(path, implementation.Chunking, skipInvalid: true, sampleSize: 40).Should().Be(sequential, implementation.Name);
            Record.Exception(() => Learn(path, implementation.Chunking)).Should().BeOfType<PlannerException>().Which.Message.Should().Be(failure!.Message, implementation.Name);
        }

        sequential.Should().Contain("rejected 2").And.Contain("rejected line 102: out_of_order").And.Contain("rejected line 302: unknown_model");
    }

    [Fact]
    public void Read_ResponseLogOutOfTimeOrderInChunks_LearnsWhatTheSequentialReadDoes()
    {
        // A Chat Completions log written as responses finish: created seconds step back and repeat, so one second
        // recurs in separate runs.
        var text = new StringBuilder();
        var random = new Random(3);
        long created = 1_768_467_600;
        for (int i = 0; i < 3_000; i++)
        {
            created += random.Next(-2, 4);
            int audioIn = random.Next(0, 3_000), textIn = random.Next(0, 800), audioOut = random.Next(0, 2_000), textOut = random.Next(0, 300);
            string model = random.Next(2) == 0 ? "gpt-audio" : "gpt-audio-mini";
            string usage = $$$"""{"prompt_tokens":{{{audioIn + textIn}}},"completion_tokens":{{{audioOut + textOut}}},"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":{{{audioIn}}}},"completion_tokens_details":{"audio_tokens":{{{audioOut}}}}}""";
            text.Append($$"""{"id":"chatcmpl-{{i}}","object":"chat.completion","created":{{created}},"model":"{{model}}","usage":{{usage}}}""").Append('\n');
        }

        string path = TestData.TempPath("learned-log.jsonl");
        File.WriteAllText(path, text.ToString());
        string sequential = Learn(path, TraceChunking.Sequential, sampleSize: 100);

        foreach (var chunking in new TraceChunking[] { new() { FromBytes = 0, Chunks = 2 }, new() { FromBytes = 0, Chunks = 7, Parallelism = 2 }, new() { FromBytes = 0, AtEveryLine = true } })
        {
            Learn(path, chunking, sampleSize: 100).Should().Be(sequential);
        }

        sequential.Should().Contain("priced 3000");
    }
}
