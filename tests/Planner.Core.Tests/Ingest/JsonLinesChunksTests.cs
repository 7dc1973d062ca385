using System.Text;
using Planner.Core.Catalog;
using Planner.Core.Ingest;
using Planner.Core.Traces;

namespace Planner.Core.Tests.Ingest;

/// <summary>A response log read in line-aligned chunks on several threads gives the report of one sequential read: the
/// same totals, by day, hour and model, rejections in line order with their lines in the file, assumptions, and the
/// same first bad line when bad lines are errors.</summary>
public class JsonLinesChunksTests
{
    private static readonly TraceChunking[] Chunkings =
    [
        new() { FromBytes = 0, Chunks = 2, Parallelism = 2 },
        new() { FromBytes = 0, Chunks = 7, Parallelism = 2 },
        new() { FromBytes = 0, Chunks = 5, Parallelism = 1 },
        new() { FromBytes = 0, AtEveryLine = true, Parallelism = 2 },
    ];

    /// <summary>A log of valid lines across days, hours and models, with bad lines, blank lines, CRLF line ends,
    /// a wrapper line and (optionally) lines without a timestamp, spread so that every chunk has some.</summary>
    private static string Log(int lines, int seed, bool untimed)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        long created = 1768467600;
        for (int i = 0; i < lines; i++)
        {
            created += random.Next(0, 900);
            int audioIn = random.Next(0, 3000), cached = random.Next(0, 500), textIn = random.Next(0, 800);
            int audioOut = random.Next(0, 2000), textOut = random.Next(0, 300);
            string model = random.Next(3) switch { 0 => "gpt-audio-mini-2025-12-15", 1 => "gpt-audio", _ => "gpt-audio-mini" };
            string usage = $$$"""{"prompt_tokens":{{{audioIn + cached + textIn}}},"completion_tokens":{{{audioOut + textOut}}},"prompt_tokens_details":{"cached_tokens":{{{cached}}},"audio_tokens":{{{audioIn}}}},"completion_tokens_details":{"audio_tokens":{{{audioOut}}}}}""";
            string end = random.Next(10) == 0 ? "\r\n" : "\n";
            switch (random.Next(40))
            {
                case 0:
                    text.Append($$"""{"created":{{created}},"model":"{{model}}",""").Append("\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1,\"prompt_tokens_details\":{\"audio_tokens\":9}}}").Append(end);
                    break;
                case 1:
                    text.Append($$"""{"created":{{created}},"model":"gpt-nothing","usage":{{usage}}}""").Append(end);
                    break;
                case 2:
                    text.Append($$"""{"created":{{created}},"model":"{{model}}","usage":{"prompt_tokens":""").Append(end);
                    break;
                case 3:
                    text.Append($$"""{"created":{{created}},"model":"{{model}}"}""").Append(end);
                    break;
                case 4:
                    text.Append(end);
                    break;
                case 5 when untimed:
                    text.Append($$"""{"model":"{{model}}","usage":{{usage}}}""").Append(end);
                    break;
                case 6:
                    text.Append($$"""{"usage":{{usage}},"timestamp":"{{DateTimeOffset.FromUnixTimeSeconds(created):O}}","request":{"model":"{{model}}"},"model":"{{model}}"}""").Append(end);
                    break;
                default:
                    text.Append($$"""{"id":"chatcmpl-{{i}}","object":"chat.completion","created":{{created}},"model":"{{model}}","choices":[{"index":0,"message":{"role":"assistant","content":"caf\u00e9 \"ok\""},"finish_reason":"stop"}],"usage":{{usage}}}""").Append(end);
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>Everything a price report shows, as text: counts, totals per meter, by model, day and hour, rejections, assumptions.</summary>
    private static string Report(string path, TraceChunking chunking, bool skipInvalid, bool untimed)
    {
        var options = new TraceOptions
        {
            Chunking = chunking,
            SkipInvalid = skipInvalid,
            UntimedOrigin = untimed ? new DateTimeOffset(2026, 1, 20, 0, 0, 0, TimeSpan.Zero) : null,
        };
        var rejections = new TraceRejections();
        using var source = UsageFormats.Open(path, TestData.Catalog, options, rejections);
        var costs = new TraceCosts();
        var merged = new List<long>();
        source.ReadAllInChunks(_ => new TraceCosts(), (chunk, lines) =>
        {
            costs.Add(chunk);
            merged.Add(lines);
        });
        var report = new StringBuilder();
        report.AppendLine($"read {source.RowsRead} priced {source.RowsPriced} rejected {rejections.Count}");
        report.AppendLine($"total {costs.Totals.TotalPicodollars} requests {costs.Totals.Requests} first {costs.First:O} last {costs.Last:O}");
        foreach (var meter in MeterTable.All)
        {
            report.AppendLine($"{meter.Meter} {costs.Totals.Tokens(meter.Meter)} {costs.Totals[meter.Meter].Value}");
        }

        foreach (var (model, totals) in costs.ByModel)
        {
            report.AppendLine($"model {model} {totals.Requests} {totals.TotalPicodollars}");
        }

        foreach (var day in costs.ByDay)
        {
            report.AppendLine($"day {day.Start:O} {day.Requests} {day.Picodollars}");
        }

        foreach (var hour in costs.ByHour)
        {
            report.AppendLine($"hour {hour.Start:O} {hour.Requests} {hour.Picodollars}");
        }

        foreach (var (reason, count) in rejections.ByReason)
        {
            report.AppendLine($"reason {reason} {count}");
        }

        foreach (var rejection in rejections.First)
        {
            report.AppendLine($"rejected {rejection.Line} {rejection.Kind} {rejection.Message}");
        }

        foreach (string assumption in source.Assumptions)
        {
            report.AppendLine($"assumed {assumption}");
        }

        return report.ToString();
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    public void Chunked_WithSkipInvalid_GivesTheSequentialReport(int seed, bool untimed)
    {
        string path = UsageFiles.Write(Log(400, seed, untimed));
        string sequential = Report(path, TraceChunking.Sequential, skipInvalid: true, untimed);
        sequential.Should().Contain("rejected ").And.Contain("reason unknown_model");

        foreach (var chunking in Chunkings)
        {
            Report(path, chunking, skipInvalid: true, untimed).Should().Be(sequential, $"chunked as {chunking}");
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void Chunked_WithoutSkipInvalid_ReportsTheFirstBadLineOfTheFile(int seed)
    {
        string path = UsageFiles.Write(Log(400, seed, untimed: false));
        var sequential = () => Report(path, TraceChunking.Sequential, skipInvalid: false, untimed: false);
        string first = sequential.Should().Throw<PlannerException>().Which.Message;
        first.Should().StartWith(path + ":");

        foreach (var chunking in Chunkings)
        {
            var chunked = () => Report(path, chunking, skipInvalid: false, untimed: false);
            chunked.Should().Throw<PlannerException>().WithMessage(first, $"chunked as {chunking}");
        }
    }

    [Fact]
    public void Chunked_ReallyReadsInSeveralChunks_WithTheLinesBeforeEach()
    {
        string path = UsageFiles.Write(string.Concat(Enumerable.Repeat("""{"created":1768467600,"model":"gpt-audio","usage":{"prompt_tokens":10,"completion_tokens":20}}""" + "\n", 10)));
        using var source = UsageFormats.Open(path, TestData.Catalog, new TraceOptions { Chunking = new() { FromBytes = 0, Chunks = 3 } }, new TraceRejections());
        var before = new List<long>();

        source.ReadAllInChunks(_ => new TraceCosts(), (_, lines) => before.Add(lines));

        // 10 lines of equal length in 3 chunks: lines 1-4, 5-7, 8-10 (a chunk starts after the line that holds its third of the bytes).
        before.Should().Equal(0, 4, 7);
        source.RowsPriced.Should().Be(10);
    }

    [Fact]
    public void Chunked_LinesWithoutATimestamp_ArePlacedInFileOrder()
    {
        var text = new StringBuilder();
        for (int i = 0; i < 12; i++)
        {
            text.Append("""{"model":"gpt-audio","usage":{"prompt_tokens":10,"completion_tokens":20}}""" + "\n");
        }

        string path = UsageFiles.Write(text.ToString());
        var origin = new DateTimeOffset(2026, 1, 20, 0, 0, 0, TimeSpan.Zero);
        using var source = UsageFormats.Open(path, TestData.Catalog, new TraceOptions { UntimedOrigin = origin, Chunking = new() { FromBytes = 0, AtEveryLine = true } }, new TraceRejections());
        var costs = new TraceCosts();

        source.ReadAllInChunks(_ => new TraceCosts(), (chunk, _) => costs.Add(chunk));

        // 12 lines, 1 s apart from the origin: the last at 00:00:11.
        costs.First.Should().Be(origin);
        costs.Last.Should().Be(origin.AddSeconds(11));
        source.Assumptions.Should().ContainSingle().Which.Should().StartWith("lines without a timestamp are placed in file order, 1 s apart");
    }
}
