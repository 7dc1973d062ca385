using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Planner.Contract.Queries;
using Planner.Core.Catalog;
using Planner.Core.Ingest;
using Planner.Core.Traces;

namespace Planner.Web.Tests.Uploads;

/// <summary>Uploads of every format Planner reads stream through Core's readers from the request body, with no temporary
/// file, and price to the CLI's exact total on the same bytes.</summary>
public class UploadReaderTests(WebHost host) : IClassFixture<WebHost>
{
    // A Chat Completions response (API reference "The chat completion object"): audio and cached tokens inside the totals.
    private const string ChatLine =
        """{"id":"chatcmpl-A1","object":"chat.completion","created":1768471200,"model":"gpt-audio-mini-2025-12-15","choices":[{"index":0,"message":{"role":"assistant","content":null,"audio":{"id":"audio_1","expires_at":1768474800,"transcript":"Hi"}},"finish_reason":"stop"}],"usage":{"prompt_tokens":1500,"completion_tokens":800,"prompt_tokens_details":{"cached_tokens":200,"audio_tokens":1000},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":600}}}""";

    // gpt-audio-mini per 1M: text 0.60 (cached text at the text rate: none listed), audio in 10, text out 2.40, audio out 20.
    // text in = 1,500 - 1,000 - 200 = 300; text out = 800 - 600 = 200.
    private const decimal ChatLineUsd = ((300 * 0.60m) + (200 * 0.60m) + (1000 * 10m) + (200 * 2.40m) + (600 * 20m)) / 1_000_000;

    private const string Realtime =
        """
        {"type":"session.created","event_id":"event_C1","session":{"id":"sess_1","object":"realtime.session","type":"realtime","model":"gpt-realtime-mini-2025-12-15","output_modalities":["audio"]}}
        {"type":"response.output_audio.delta","event_id":"event_C3","response_id":"resp_1","delta":"AAAA"}
        {"type":"response.done","event_id":"event_C5","timestamp":"2026-01-15T10:00:00Z","response":{"object":"realtime.response","id":"resp_1","status":"completed","output":[],"usage":{"total_tokens":1300,"input_tokens":1000,"output_tokens":300,"input_token_details":{"text_tokens":200,"audio_tokens":800,"image_tokens":0,"cached_tokens":500,"cached_tokens_details":{"text_tokens":100,"audio_tokens":400,"image_tokens":0}},"output_token_details":{"text_tokens":50,"audio_tokens":250}}}}
        """;

    private static string Page(long start, string model) => $$"""
        {
          "object": "page",
          "data": [
            {
              "object": "bucket",
              "start_time": {{start}},
              "end_time": {{start + 60}},
              "results": [
                {
                  "object": "organization.usage.completions.result",
                  "input_tokens": 5000,
                  "output_tokens": 2000,
                  "input_cached_tokens": 1000,
                  "input_audio_tokens": 3000,
                  "output_audio_tokens": 1500,
                  "num_model_requests": 4,
                  "project_id": "proj_a",
                  "model": "{{model}}"
                }
              ]
            }
          ],
          "has_more": false,
          "next_page": null
        }
        """;

    public static TheoryData<string, string> Uploads => new()
    {
        { "log.jsonl", ChatLine + "\n" + ChatLine.Replace("1768471200", "1768474800", StringComparison.Ordinal) + "\n" },
        { "events.jsonl", Realtime + "\n" },
        { "page.json", Page(1768467600, "gpt-audio-mini-2025-12-15") },
        { "pages.jsonl", Page(1768467600, "gpt-audio-mini-2025-12-15").ReplaceLineEndings("") + "\n" + Page(1768467660, "gpt-audio").ReplaceLineEndings("") + "\n" },
        { "usage.csv", "start_time,model,prompt_tokens,completion_tokens,input_cached_tokens,input_audio_tokens,output_audio_tokens\n1768467600,gpt-audio-mini,1500,800,200,1000,600\n1768467660,gpt-audio,100,50,0,0,0\n" },
        { "trace.csv", "timestamp,model,input_audio_tokens,output_audio_tokens,text_input_tokens\n2026-01-15T09:00:00Z,gpt-audio-mini,1000,600,300\n" },
    };

    /// <summary>The CLI's total: Core's reader opening the same bytes from a file, with the price query's defaults.</summary>
    private static decimal CliTotal(ModelCatalog catalog, string name, string text)
    {
        string directory = Directory.CreateTempSubdirectory("planner-test-").FullName;
        try
        {
            string path = Path.Combine(directory, name);
            File.WriteAllText(path, text);
            var options = new PriceQuery().ToTraceOptions(catalog, forSimulation: false, WebHost.Now);
            using var source = UsageFormats.Open(path, catalog, options, new TraceRejections());
            var costs = new TraceCosts();
            source.ReadAllInChunks(_ => new TraceCosts(), (chunk, _) => costs.Add(chunk));
            return costs.Totals.Total.Value;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(HttpStatusCode Status, JsonDocument Json)> Price(HttpClient client, HttpContent file, string name)
    {
        using var content = new MultipartFormDataContent { { file, "file", name } };
        var response = await client.PostAsync("/api/price", content);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [MemberData(nameof(Uploads))]
    public async Task Price_EveryFormat_StreamsAndGivesTheCliTotal(string name, string text)
    {
        var catalog = Planner.Core.Catalog.Json.CatalogJson.Load(Path.Combine(WebHost.DataDirectory, "catalog.json"));
        decimal expected = CliTotal(catalog, name, text);

        var (status, json) = await Price(host.Client, new StringContent(text, Encoding.UTF8), name);

        status.Should().Be(HttpStatusCode.OK, json.RootElement.GetRawText());
        expected.Should().BeGreaterThan(0);
        json.RootElement.GetProperty("total_usd").GetDecimal().Should().Be(expected);
        json.RootElement.GetProperty("trace").GetString().Should().Be(name);
    }

    [Fact]
    public async Task Price_AResponseLog_IsTheSumOfItsLinesWorkedByHand()
    {
        var (status, json) = await Price(host.Client, new StringContent(ChatLine + "\n" + ChatLine + "\n", Encoding.UTF8), "log.jsonl");

        status.Should().Be(HttpStatusCode.OK);
        json.RootElement.GetProperty("total_usd").GetDecimal().Should().Be(2 * ChatLineUsd);
    }

    [Fact]
    public async Task Price_ABadLineInAJsonlUpload_Answers400NamingTheUploadLineAndField()
    {
        string text = ChatLine + "\n" + """{"created":1768471200,"model":"gpt-audio","usage":{"prompt_tokens":-3,"completion_tokens":1}}""" + "\n";

        var (status, json) = await Price(host.Client, new StringContent(text, Encoding.UTF8), "upload.jsonl");

        status.Should().Be(HttpStatusCode.BadRequest);
        json.RootElement.GetProperty("errors")[0].GetProperty("message").GetString()
            .Should().Be("upload.jsonl:2: usage.prompt_tokens: must be a whole number >= 0, got '-3'");
    }

    [Fact]
    public async Task Price_A200MbResponseLog_StreamsWithNoTemporaryFile()
    {
        var options = WebHost.Options() with { MaxUploadMegabytes = 512 };
        await using var app = PlannerWeb.Build(options, builder => builder.WebHost.UseTestServer());
        await app.StartAsync();
        using var client = app.GetTestClient();
        client.Timeout = TimeSpan.FromMinutes(10);
        var body = new GeneratedLog(200L << 20);
        var before = TempEntries();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var stop = new CancellationTokenSource();
        var watch = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                seen.UnionWith(TempEntries().Except(before));
                await Task.Delay(50);
            }
        });

        var (status, json) = await Price(client, body, "big.jsonl");
        await stop.CancelAsync();
        await watch;

        status.Should().Be(HttpStatusCode.OK, json.RootElement.GetRawText());
        json.RootElement.GetProperty("total_usd").GetDecimal().Should().Be(body.Lines * ChatLineUsd);
        body.Lines.Should().BeGreaterThan(20_000);
        seen.Where(e => Path.GetFileName(e).StartsWith("planner-upload", StringComparison.Ordinal)).Should().BeEmpty("the upload streams into the reader");
    }

    private static HashSet<string> TempEntries() => new(Directory.EnumerateFileSystemEntries(Path.GetTempPath()), StringComparer.Ordinal);

    /// <summary>A request body of response-log lines generated as it is sent (nothing of it in memory but one line): each
    /// line is <see cref="ChatLine"/> with a 7 KB transcript (escapes and all).</summary>
    private sealed class GeneratedLog(long bytes) : HttpContent
    {
        public long Lines { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            byte[] line = Encoding.UTF8.GetBytes(ChatLine.Replace("\"transcript\":\"Hi\"", "\"transcript\":\"" + string.Concat(Enumerable.Repeat("caf\\u00e9 \\\"ok\\\" ", 400)) + "\"", StringComparison.Ordinal) + "\n");
            long sent = 0;
            Lines = 0;
            while (sent + line.Length <= bytes)
            {
                await stream.WriteAsync(line);
                sent += line.Length;
                Lines++;
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
