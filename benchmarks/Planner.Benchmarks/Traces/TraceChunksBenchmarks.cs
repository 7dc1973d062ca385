using BenchmarkDotNet.Attributes;
using Planner.Core.Catalog;
using Planner.Core.Ingest;
using Planner.Core.Traces;

namespace Planner.Benchmarks.Traces;

/// <summary><c>planner price</c>'s read of a generated 1,000,000-row trace (72 MB; one op = the whole file), sequential
/// against line-aligned chunks on every core (issue 13.1). Rows per second = 1,000,000 / mean.</summary>
[MemoryDiagnoser]
public class TraceChunksBenchmarks
{
    private const long Rows = 1_000_000;
    private ModelCatalog _catalog = null!;
    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        _catalog = TraceBenchmarkData.LoadCatalog();
        _path = TraceBenchmarkData.Trace(Rows);
    }

    /// <summary>One reader from the first line to the last (what <c>price</c> did before).</summary>
    [Benchmark(Baseline = true)]
    public Int128 Price_Sequential() => Price(TraceChunking.Sequential);

    /// <summary>One chunk per core (<see cref="Environment.ProcessorCount"/>), each with its own reader and sums, merged exactly.</summary>
    [Benchmark]
    public Int128 Price_ChunksOnEveryCore() => Price(TraceChunking.Default);

    private Int128 Price(TraceChunking chunking)
    {
        var costs = new TraceCosts();
        using var source = UsageFormats.Open(_path, _catalog, new TraceOptions { Chunking = chunking }, new TraceRejections());
        source.ReadAllInChunks(_ => new TraceCosts(), (chunk, _) => costs.Add(chunk));
        return costs.Totals.TotalPicodollars;
    }
}
