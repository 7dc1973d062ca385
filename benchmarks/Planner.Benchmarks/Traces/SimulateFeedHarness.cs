using Process = System.Diagnostics.Process;
using Stopwatch = System.Diagnostics.Stopwatch;
using Planner.Core.Simulation;
using Planner.Core.Traces;

namespace Planner.Benchmarks.Traces;

/// <summary>`simulate` and `recommend` in process, fed sequentially (one reader, <see cref="TracePipeline"/>'s ring) and
/// in chunks on every core (<see cref="TraceChunking.Default"/>), alternated, CPU (user+sys of the process) and wall per
/// row. Run: <c>dotnet run -c Release --project benchmarks/Planner.Benchmarks -- --sim-feed TRACE [REPEATS] [simulate|recommend]</c>.</summary>
internal static class SimulateFeedHarness
{
    public static void Run(string[] args)
    {
        string path = args[1];
        int repeats = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3;
        bool recommend = args.Length > 3 && args[3] == "recommend";
        var catalog = TraceBenchmarkData.LoadCatalog();
        var feeds = new (string Name, TraceChunking Chunking)[] { ("sequential feed", TraceChunking.Sequential), ("chunked feed", TraceChunking.Default) };
        if (args.Length > 4)
        {
            feeds = feeds.Where(f => f.Name.StartsWith(args[4], StringComparison.Ordinal)).ToArray();
        }

        for (int i = 0; i <= repeats; i++)
        {
            foreach (var (name, chunking) in feeds)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var wall = Stopwatch.StartNew();
                using var source = CsvTraceSource.Open(path, catalog, new TraceOptions { ForSimulation = true, RequireRequests = true, Chunking = chunking }, new TraceRejections());
                long rows;
                if (recommend)
                {
                    var r = TierRecommender.Recommend(source, catalog, new SimulationOptions { Tier = "5" }, new RecommendObjectives());
                    rows = r.Costs.Totals.Requests;
                }
                else
                {
                    var r = TraceSimulator.Run(source, catalog, new SimulationOptions { Tier = "5" });
                    rows = r.RowsRead;
                }

                double c = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalNanoseconds / rows;
                double w = wall.Elapsed.TotalNanoseconds / rows;
                Console.WriteLine($"{(i == 0 ? "warm-up " : "")}{name,-16} {rows:N0} rows: CPU {c,6:F1} ns/row, wall {w,6:F1} ns/row");
            }
        }
    }
}
