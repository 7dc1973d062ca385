using Stopwatch = System.Diagnostics.Stopwatch;
using Planner.Core.Simulation;
using Planner.Core.Traces;

namespace Planner.Benchmarks.Traces;

/// <summary>The peak in flight alone on a real trace's admissions: the heap (<see cref="CompletionHeap"/>) against the
/// batches (<see cref="InFlightPeak"/>), alternated in one process (the same caches and load for both). Run with
/// <c>-- --quick-heap TRACE ROWS REPS [TIER]</c>: each model's admissions at the tier (queue), the completion its latency
/// gives; prints CPU ns an admission, best of the repetitions, and checks that the two peaks agree.</summary>
internal static class HeapStageHarness
{
    public static void Run(string[] args)
    {
        var catalog = TraceBenchmarkData.LoadCatalog();
        string path = args[1];
        int limit = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
        int reps = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
        var byModel = new Dictionary<object, (List<long> Now, List<long> Completes)>();
        var latency = new LatencyModel();
        string tier = args.Length > 4 ? args[4] : "5";
        var rows = TraceBenchmarkData.ReadRows(path, catalog, limit);

        // Each model's admissions at the tier (queue), from the simulator's outcomes; the completion its latency gives.
        var byLine = new Dictionary<long, TraceRequest>();
        foreach (var row in rows)
        {
            byLine[row.Line] = row;
        }

        var simulator = new TraceSimulator(catalog, new SimulationOptions { Tier = tier }, new TraceCosts())
        {
            OnOutcome = outcome =>
            {
                if (outcome.Kind != RequestOutcomeKind.Completed)
                {
                    return;
                }

                var request = byLine[outcome.Line];
                if (!byModel.TryGetValue(request.Model.Model, out var lists))
                {
                    lists = ([], []);
                    byModel.Add(request.Model.Model, lists);
                }

                lists.Now.Add(outcome.AdmittedTicks);
                lists.Completes.Add(outcome.AdmittedTicks + latency.DurationTicks(request.Usage.OutputTokens.Value));
            },
        };
        foreach (var row in rows)
        {
            simulator.Add(row);
        }

        var models = byModel.Values.Select(v => (Now: v.Now.ToArray(), Completes: v.Completes.ToArray())).ToArray();
        long total = models.Sum(m => (long)m.Now.Length);
        Console.WriteLine($"{total:N0} admissions, {models.Length} models");
        var process = System.Diagnostics.Process.GetCurrentProcess();
        double bestHeap = double.MaxValue, bestPeak = double.MaxValue;
        for (int r = 0; r < reps; r++)
        {
            long peakHeap = 0, peakBatch = 0;
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            foreach (var (now, completes) in models)
            {
                var heap = new CompletionHeap();
                for (int i = 0; i < now.Length; i++)
                {
                    peakHeap = Math.Max(peakHeap, heap.Admit(now[i], completes[i]));
                }
            }

            process.Refresh();
            bestHeap = Math.Min(bestHeap, (process.TotalProcessorTime - cpu).TotalNanoseconds / total);
            cpu = process.TotalProcessorTime;
            foreach (var (now, completes) in models)
            {
                var peak = new InFlightPeak();
                for (int i = 0; i < now.Length; i++)
                {
                    peak.Admit(now[i], completes[i]);
                }

                peakBatch = Math.Max(peakBatch, peak.Peak);
            }

            process.Refresh();
            bestPeak = Math.Min(bestPeak, (process.TotalProcessorTime - cpu).TotalNanoseconds / total);
            if (peakHeap != peakBatch)
            {
                throw new InvalidOperationException($"peaks differ: heap {peakHeap}, batches {peakBatch}");
            }
        }

        Console.WriteLine($"CompletionHeap {bestHeap,7:F1} ns/admission CPU; InFlightPeak {bestPeak,7:F1}");
    }
}
