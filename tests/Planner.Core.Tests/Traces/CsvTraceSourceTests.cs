using Planner.Core.Ingest;
using Planner.Core.Traces;

namespace Planner.Core.Tests.Traces;

public class CsvTraceSourceTests
{
    [Fact]
    public void ReadAllInChunks_ReportsProgressThatOnlyGrowsAndEndsAtTheFileLength()
    {
        string path = TestData.TempPath("progress");
        TraceGenerator.Write(path, new TraceGeneratorOptions { Rows = 150_000, Seed = 3 });
        var positions = new List<long>();
        var costs = new TraceCosts();
        // Seven chunks one after another: the read lasts long enough for several progress reports.
        var options = new TraceOptions { Chunking = new TraceChunking { FromBytes = 0, Chunks = 7, Parallelism = 1 } };
        using var source = UsageFormats.Open(path, TestData.Catalog, options, new TraceRejections());

        source.ReadAllInChunks(_ => new TraceCosts(), (chunk, _) => costs.Add(chunk), s => positions.Add(s.BytePosition));

        positions.Should().BeInAscendingOrder().And.OnlyContain(p => p >= 0 && p <= source.FileLength);
        source.BytePosition.Should().Be(source.FileLength);
        source.RowsRead.Should().Be(150_000);
        costs.Totals.Requests.Should().Be(150_000);
    }

    [Fact]
    public void ReadAllInChunks_StandardInput_IsReadSequentiallyIntoOneSink()
    {
        string path = TestData.Trace("timestamp,model,input_text_tokens", "2026-01-15T09:00:00Z,gpt-audio-mini,1000", "2026-01-15T09:00:01Z,gpt-audio-mini,1000");
        using var stream = File.OpenRead(path);
        var options = new TraceOptions { Chunking = new TraceChunking { FromBytes = 0, Chunks = 2 } };
        using var source = CsvTraceSource.Wrap(TraceReader.Open(stream, "<stdin>", TestData.Catalog, options, new TraceRejections()));
        var sinks = new List<(TraceCosts Sink, long LinesBefore)>();

        source.ReadAllInChunks(_ => new TraceCosts(), (chunk, lines) => sinks.Add((chunk, lines)));

        sinks.Should().ContainSingle().Which.LinesBefore.Should().Be(0);
        // 2 x 1,000 text tokens at gpt-audio-mini's $0.60 per 1M.
        sinks[0].Sink.Totals.Total.Value.Should().Be(2 * 1_000 * 0.60m / 1_000_000);
    }
}
