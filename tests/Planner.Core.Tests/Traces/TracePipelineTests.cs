using Planner.Core.Traces;

namespace Planner.Core.Tests.Traces;

public class TracePipelineTests
{
    private sealed class Lines : ITraceSink
    {
        public List<long> Seen { get; } = [];

        public int ThrowAt { get; init; } = -1;

        public void Add(in TraceRequest request)
        {
            if (Seen.Count == ThrowAt)
            {
                throw new InvalidOperationException($"sink failed at line {request.Line}");
            }

            Seen.Add(request.Line);
        }
    }

    private static string Generated(long rows)
    {
        string path = TestData.TempPath("pipeline");
        TraceGenerator.Write(path, new TraceGeneratorOptions { Rows = rows, Seed = 2 });
        return path;
    }

    private static TraceReader Open(string path) => TraceReader.Open(path, TestData.Catalog, new TraceOptions(), new TraceRejections());

    [Fact]
    public void ReadAll_EverySinkAndTheReaderSink_SeeEveryRowInOrder()
    {
        int rows = (TracePipeline.BatchRows * TracePipeline.Batches * 2) + 17;
        using var reader = Open(Generated(rows));
        var sinks = new[] { new Lines(), new Lines(), new Lines() };
        var onReader = new Lines();

        long read = TracePipeline.ReadAll(CsvTraceSource.Wrap(reader), sinks, onReader);

        read.Should().Be(rows);
        // Lines 2 .. rows + 1 (the header is line 1).
        var expected = Enumerable.Range(2, rows).Select(l => (long)l).ToList();
        onReader.Seen.Should().Equal(expected);
        foreach (var sink in sinks)
        {
            sink.Seen.Should().Equal(expected);
        }
    }

    [Fact]
    public void ReadAll_SinkThrows_ItsExceptionIsRaised_AndTheReadStopsEarly()
    {
        int rows = TracePipeline.BatchRows * TracePipeline.Batches * 6;
        using var reader = Open(Generated(rows));
        var failing = new Lines { ThrowAt = 100 };
        var other = new Lines();

        var read = () => TracePipeline.ReadAll(CsvTraceSource.Wrap(reader), [other, failing]);

        read.Should().Throw<InvalidOperationException>().WithMessage("sink failed at line 102");
        failing.Seen.Should().HaveCount(100);
        // The reader stops within a ring's worth of batches of the failure, not at the end of the file.
        reader.RowsRead.Should().BeLessThan(TracePipeline.BatchRows * (TracePipeline.Batches + 3));
    }

    [Theory]
    [InlineData(1, 13)]
    [InlineData(2, 97)]
    [InlineData(3, 1)]
    public void ReadAll_LargeFileInChunks_PlainSinksSeeEveryRowInOrderWithItsFileLine(int sinkCount, int chunks)
    {
        // A CSV file read in chunks on every core (TraceChunkFeed), to sinks that take a row at a time (not chunk sinks).
        int rows = 20_000;
        string path = Generated(rows);
        var options = new TraceOptions { Chunking = new TraceChunking { FromBytes = 0, Chunks = chunks } };
        using var source = CsvTraceSource.Open(path, TestData.Catalog, options, new TraceRejections());
        var sinks = Enumerable.Range(0, sinkCount).Select(_ => new Lines()).ToArray();

        long read = TracePipeline.ReadAll(source, sinks);

        read.Should().Be(rows);
        var expected = Enumerable.Range(2, rows).Select(l => (long)l).ToList();
        foreach (var sink in sinks)
        {
            sink.Seen.Should().Equal(expected);
        }
    }

    [Fact]
    public void ReadAll_LargeFileInChunks_PlainSinkThrows_ItsExceptionIsRaised()
    {
        string path = Generated(20_000);
        var options = new TraceOptions { Chunking = new TraceChunking { FromBytes = 0, Chunks = 13 } };
        using var source = CsvTraceSource.Open(path, TestData.Catalog, options, new TraceRejections());
        var failing = new Lines { ThrowAt = 5_000 };
        var other = new Lines();

        var read = () => TracePipeline.ReadAll(source, [other, failing]);

        read.Should().Throw<InvalidOperationException>().WithMessage("sink failed at line 5002");
        failing.Seen.Should().HaveCount(5_000);
    }

    [Fact]
    public void ReadAll_EmptyListOfSinks_IsRefused()
    {
        using var reader = Open(Generated(10));

        var read = () => TracePipeline.ReadAll(CsvTraceSource.Wrap(reader), []);

        read.Should().Throw<ArgumentException>();
    }
}
