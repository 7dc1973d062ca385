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

        var rows = TraceBenchmarkData.ReadRows(path, catalog, limit);

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

        Time("simulate tier 5 (queue, sums offered itself)", reps, array.Length, only, () =>
        {
            var simulator = new TraceSimulator(catalog, new SimulationOptions { Tier = "5" });
            foreach (ref readonly var row in array.AsSpan())
            {
                simulator.Add(row);
            }

            simulator.Finish(array.Length, new TraceRejections());
        });
        Time("simulate tier 1 (retry)", Math.Min(reps, 2), array.Length, only, () =>
        {
            var simulator = new TraceSimulator(catalog, new SimulationOptions { Tier = "1", OnLimit = OnLimit.Retry }, new TraceCosts());
            foreach (ref readonly var row in array.AsSpan())
            {
                simulator.Add(row);
            }

            simulator.Finish(array.Length, new TraceRejections());
        });
        Time("recommend, every tier on this thread (no parse)", reps, array.Length, only, () =>
            TierRecommender.Recommend(new ArraySource(array), catalog, new SimulationOptions { Tier = "1" }, new RecommendObjectives(), null, workers: 0));
    }

    private static void Time(string name, int reps, int rows, string only, Action action)
    {
        if (only.Length > 0 && !name.Contains(only, StringComparison.Ordinal))
        {
            return;
        }

        // Wall and CPU time of the process (the work is on this thread; CPU is the steadier figure on a shared machine).
        double best = double.MaxValue;
        double bestCpu = double.MaxValue;
        var process = System.Diagnostics.Process.GetCurrentProcess();
        for (int i = 0; i < reps; i++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            action();
            double wall = sw.Elapsed.TotalNanoseconds / rows;
            process.Refresh();
            best = Math.Min(best, wall);
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalNanoseconds / rows);
        }

        Console.WriteLine($"{name,-55} {best,8:F1} ns/row wall {bestCpu,8:F1} ns/row CPU");
    }

    /// <summary>Rows already parsed and priced, as a usage source (for the recommender, which reads a source).</summary>
    private sealed class ArraySource(TraceRequest[] rows) : IUsageSource
    {
        private int _next;

        public string Path => "memory";

        public string Format => "planner-csv";

        public long RowsRead => _next;

        public long RowsPriced => _next;

        public TraceRejections Rejections { get; } = new();

        public long FileLength => rows.Length;

        public long BytePosition => _next;

        public bool ConvertedAudioSeconds => false;

        public IReadOnlyList<string> Assumptions => [];

        public bool TryRead(out TraceRequest request)
        {
            if (_next < rows.Length)
            {
                request = rows[_next++];
                return true;
            }

            request = default;
            return false;
        }

        public string? GroupOf(UsageGroupBy by) => null;

        public void Dispose()
        {
        }
    }
}
