using Stopwatch = System.Diagnostics.Stopwatch;
using Planner.Core.Catalog;
using Planner.Core.Simulation;
using Planner.Core.Traces;

namespace Planner.Benchmarks.Traces;

/// <summary>A quick in-process harness (not BenchmarkDotNet) for the simulator stage alone: rows are parsed and
/// priced once into memory, then each stage is timed over them, several times. Run with
/// <c>-- --quick-sim [TRACE] [ROWS] [REPS]</c>; prints ns per row, best of the repetitions.</summary>
internal static class SimulatorStageHarness
{
    public static void Run(string[] args)
    {
        var catalog = TraceBenchmarkData.LoadCatalog();
        string path = args.Length > 1 ? args[1] : TraceBenchmarkData.Trace(1_000_000);
        int limit = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
        int reps = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 5;
        string only = args.Length > 4 ? args[4] : "";

        var rows = new List<TraceRequest>(limit);
        using (var reader = TraceReader.Open(path, catalog, new TraceOptions(), new TraceRejections()))
        {
            while (rows.Count < limit && reader.TryRead(out var request))
            {
                rows.Add(request);
            }
        }

        var array = rows.ToArray();
        Console.WriteLine($"{array.Length:N0} rows in memory");
        Time("parse+price (TraceReader)", reps, array.Length, only, () =>
        {
            using var reader = TraceReader.Open(path, catalog, new TraceOptions(), new TraceRejections());
            int n = 0;
            while (n < limit && reader.TryRead(out _))
            {
                n++;
            }
        });
        Time("TraceCosts.Add", reps, array.Length, only, () =>
        {
            var costs = new TraceCosts();
            foreach (ref readonly var row in array.AsSpan())
            {
                costs.Add(row);
            }
        });
        foreach (string tier in new[] { "5", "4", "3", "2", "1" })
        {
            Time($"simulate tier {tier} (queue, offered summed elsewhere)", reps, array.Length, only, () =>
            {
                var simulator = new TraceSimulator(catalog, new SimulationOptions { Tier = tier }, new TraceCosts());
                foreach (ref readonly var row in array.AsSpan())
                {
                    simulator.Add(row);
                }

                simulator.Finish(array.Length, new TraceRejections());
            });
        }

        Time("simulate tier 1 (retry)", Math.Min(reps, 2), array.Length, only, () =>
        {
            var simulator = new TraceSimulator(catalog, new SimulationOptions { Tier = "1", OnLimit = OnLimit.Retry }, new TraceCosts());
            foreach (ref readonly var row in array.AsSpan())
            {
                simulator.Add(row);
            }

            simulator.Finish(array.Length, new TraceRejections());
        });
    }

    private static void Time(string name, int reps, int rows, string only, Action action)
    {
        if (only.Length > 0 && !name.Contains(only, StringComparison.Ordinal))
        {
            return;
        }

        double best = double.MaxValue;
        for (int i = 0; i < reps; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            best = Math.Min(best, sw.Elapsed.TotalNanoseconds / rows);
        }

        Console.WriteLine($"{name,-55} {best,8:F1} ns/row");
    }
}
