using System.Text;
using BenchmarkDotNet.Attributes;
using Planner.Benchmarks.Traces;
using Planner.Core.Catalog;
using Planner.Core.Ingest;
using Planner.Core.Traces;

namespace Planner.Benchmarks.Ingest;

/// <summary>Reading and pricing 100,000 lines of a response log (Chat Completions objects with audio and cached
/// usage) and of Realtime response.done events (one op = the whole file; lines per second = 100,000 / mean).
/// Target: 1M response-log lines/s on the 2-core machine.</summary>
[MemoryDiagnoser]
public class UsageReadBenchmarks
{
    private const int Lines = 100_000;
    private ModelCatalog _catalog = null!;
    private string _log = "";
    private string _realtime = "";

    [GlobalSetup]
    public void Setup()
    {
        _catalog = TraceBenchmarkData.LoadCatalog();
        _log = Path.Combine(Path.GetTempPath(), "planner-bench-responses-100k.jsonl");
        _realtime = Path.Combine(Path.GetTempPath(), "planner-bench-realtime-100k.jsonl");
        var log = new StringBuilder();
        var realtime = new StringBuilder();
        var random = new Random(1);
        long created = 1768467600;
        for (int i = 0; i < Lines; i++)
        {
            int audioIn = random.Next(100, 3000), cached = random.Next(0, 500), text = random.Next(20, 800), audioOut = random.Next(100, 4000), textOut = random.Next(10, 300);
            created += random.Next(0, 2);
            log.Append($$"""{"id":"chatcmpl-{{i}}","object":"chat.completion","created":{{created}},"model":"gpt-audio-mini-2025-12-15","choices":[{"index":0,"message":{"role":"assistant","content":null},"finish_reason":"stop"}],"usage":{"prompt_tokens":{{audioIn + cached + text}},"completion_tokens":{{audioOut + textOut}},"total_tokens":{{audioIn + cached + text + audioOut + textOut}},"prompt_tokens_details":{"cached_tokens":{{cached}},"audio_tokens":{{audioIn}}},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":{{audioOut}}""" + "}}}").Append('\n');
            realtime.Append($$"""{"type":"response.done","event_id":"event_{{i}}","model":"gpt-audio-mini","timestamp":{{created}},"response":{"object":"realtime.response","id":"resp_{{i}}","status":"completed","usage":{"total_tokens":{{audioIn + text + audioOut + textOut}},"input_tokens":{{audioIn + text}},"output_tokens":{{audioOut + textOut}},"input_token_details":{"text_tokens":{{text}},"audio_tokens":{{audioIn}},"image_tokens":0,"cached_tokens":0},"output_token_details":{"text_tokens":{{textOut}},"audio_tokens":{{audioOut}}""" + "}}}}").Append('\n');
        }

        File.WriteAllText(_log, log.ToString());
        File.WriteAllText(_realtime, realtime.ToString());
    }

    /// <summary>The floor: the file's lines split over the same pooled buffer, nothing parsed.</summary>
    [Benchmark(Baseline = true)]
    public long Lines_SplitOnly()
    {
        long bytes = 0;
        using var stream = File.OpenRead(_log);
        var buffer = new byte[1 << 20];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            bytes += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return bytes;
    }

    /// <summary>Utf8JsonReader alone over every line: every token read, nothing interpreted (the JSON floor).</summary>
    [Benchmark]
    public long Json_TokensOnly()
    {
        long tokens = 0;
        foreach (var line in File.ReadLines(_log))
        {
            var reader = new System.Text.Json.Utf8JsonReader(Encoding.UTF8.GetBytes(line));
            while (reader.Read())
            {
                tokens++;
            }
        }

        return tokens;
    }

    /// <summary>Response log: parse, subtract the subsets, resolve, check caps, price every line.</summary>
    [Benchmark]
    public long ResponseLog_ParsePrice() => Read(_log);

    /// <summary>Realtime response.done events, the same work.</summary>
    [Benchmark]
    public long RealtimeEvents_ParsePrice() => Read(_realtime);

    private long Read(string path)
    {
        using var source = UsageFormats.Open(path, _catalog, new TraceOptions(), new TraceRejections());
        long pico = 0;
        while (source.TryRead(out var request))
        {
            pico += request.Cost.TotalPicodollars;
        }

        return pico;
    }
}
