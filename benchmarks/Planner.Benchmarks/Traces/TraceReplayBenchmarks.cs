using BenchmarkDotNet.Attributes;
using CsvHelper;
using Planner.Core.Catalog;
using Planner.Core.Simulation;
using Planner.Core.Traces;

namespace Planner.Benchmarks.Traces;

/// <summary>Ingest, pricing and simulation of a generated 100,000-row trace (one op = the whole file; rows per
/// second = 100,000 / mean). Targets, end to end on the 2-core machine: 5M rows/s for price, 3M for simulate.</summary>
[MemoryDiagnoser]
public class TraceReplayBenchmarks
{
    private const long Rows = 100_000;
    private ModelCatalog _catalog = null!;
    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        _catalog = TraceBenchmarkData.LoadCatalog();
        _path = TraceBenchmarkData.Trace(Rows);
    }

    /// <summary>CsvHelper alone: every field of every row as a span, nothing parsed (the floor).</summary>
    [Benchmark(Baseline = true)]
    public long CsvHelper_SpansOnly()
    {
        long bytes = 0;
        using var csv = CsvReader.FromFile(_path, CsvReaderOptions.Default with { Separator = ',', HasHeader = true, TrackLineNumbers = true, BufferSize = 1 << 20 });
        while (csv.Read())
        {
            for (int i = 0; i < csv.FieldCount; i++)
            {
                bytes += csv.GetSpan(i).Length;
            }
        }

        return bytes;
    }

    /// <summary>Ingest: parse, resolve, check caps and order, price every row (TraceReader).</summary>
    [Benchmark]
    public long Ingest_ParseCheckPrice()
    {
        using var reader = TraceReader.Open(_path, _catalog, new TraceOptions(), new TraceRejections());
        long pico = 0;
        while (reader.TryRead(out var request))
        {
            pico += request.Cost.TotalPicodollars;
        }

        return pico;
    }

    /// <summary>planner price: ingest + exact totals by model, meter, hour and day.</summary>
    [Benchmark]
    public Int128 Price()
    {
        using var reader = TraceReader.Open(_path, _catalog, new TraceOptions(), new TraceRejections());
        var costs = new TraceCosts();
        reader.ReadAll(costs);
        return costs.Totals.TotalPicodollars;
    }

    /// <summary>planner simulate --tier 5 (queue): ingest + buckets + delays + concurrency + totals.</summary>
    [Benchmark]
    public long Simulate_Queue_Tier5()
    {
        using var reader = TraceReader.Open(_path, _catalog, new TraceOptions(), new TraceRejections());
        return TraceSimulator.Run(reader, _catalog, new SimulationOptions { Tier = "5" }).Completed;
    }

    /// <summary>planner simulate --tier 1 --on-limit retry: 100,000 requests a day need ~200,000 TPM at peak, tier 1
    /// has 30,000: many 429s, backoffs, retries and drops.</summary>
    [Benchmark]
    public long Simulate_Retry_Tier1()
    {
        using var reader = TraceReader.Open(_path, _catalog, new TraceOptions(), new TraceRejections());
        return TraceSimulator.Run(reader, _catalog, new SimulationOptions { Tier = "1", OnLimit = OnLimit.Retry }).Completed;
    }
}
