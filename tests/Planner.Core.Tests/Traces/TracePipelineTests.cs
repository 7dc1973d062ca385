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

    [Fact]
    public void ReadAll_EmptyListOfSinks_IsRefused()
    {
        using var reader = Open(Generated(10));

        var read = () => TracePipeline.ReadAll(CsvTraceSource.Wrap(reader), []);

        read.Should().Throw<ArgumentException>();
    }
}
