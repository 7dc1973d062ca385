using BenchmarkDotNet.Attributes;
using Planner.Core.Catalog;
using Planner.Core.Traces;

namespace Planner.Benchmarks.Traces;

/// <summary><c>planner price</c>'s row path (issue 13.1, branch rowcost): one reader over a generated 1,000,000-row trace
/// (72 MB; one op = the whole file, one thread), each valid row built as a <see cref="TraceRequest"/> and handed to the
/// sums (what every sink gets), against the reader adding each row's cost straight to the sums as it parses it
/// (<c>TraceReader.ReadInto</c>, what <c>price</c> without <c>--by</c> does). Rows per second = 1,000,000 / mean.</summary>
[MemoryDiagnoser]
public class PriceRowPathBenchmarks
{
    private ModelCatalog _catalog = null!;
    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        _catalog = TraceBenchmarkData.LoadCatalog();
        _path = TraceBenchmarkData.Trace(1_000_000);
    }

    /// <summary>A request per row, added to the sums (<see cref="TraceCosts.Add(in TraceRequest)"/>).</summary>
    [Benchmark(Baseline = true)]
    public Int128 Requests_IntoSums()
    {
        using var reader = TraceReader.Open(_path, _catalog, new TraceOptions(), new TraceRejections());
        var costs = new TraceCosts();
        while (reader.TryRead(out var request))
        {
            costs.Add(request);
        }

        return costs.Totals.TotalPicodollars;
    }

    /// <summary>No request: each row's cost added to the sums as it is parsed.</summary>
    [Benchmark]
    public Int128 CostsOnly_IntoSums()
    {
        using var reader = TraceReader.Open(_path, _catalog, new TraceOptions(), new TraceRejections());
        var costs = new TraceCosts();
        reader.ReadInto(costs, long.MaxValue);
        return costs.Totals.TotalPicodollars;
    }
}
