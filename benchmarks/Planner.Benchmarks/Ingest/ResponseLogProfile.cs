using Stopwatch = System.Diagnostics.Stopwatch;
using System.Text.Json;
using Planner.Benchmarks.Traces;
using Planner.Core.Ingest;
using Planner.Core.Traces;

namespace Planner.Benchmarks.Ingest;

/// <summary>A per-stage profile of reading a response log (<c>--profile-jsonl FILE [REPEATS]</c>): each stage does the
/// work of the one before plus one more step, on one thread, so the differences are the cost of each step per line.
/// best wall and CPU time of REPEATS runs after a warm-up pass; the file should be in the page cache.</summary>
internal static class ResponseLogProfile
{
    public static void Run(string path, int repeats)
    {
        var catalog = TraceBenchmarkData.LoadCatalog();
        long lines = Split(path);
        var stages = new (string Name, Func<long> Run)[]
        {
            ("read the bytes (1 MiB reads)", () => ReadOnly(path)),
            ("+ split lines (LineBuffer)", () => Split(path)),
            ("+ step over each top-level value (JsonSkip)", () => Skip(path)),
            ("+ Utf8JsonReader over usage", () => Usage(path)),
            ("full reader: parse, resolve, check, price", () => Price(path, catalog, sequential: true, sink: false)),
            ("+ sums (TraceCosts: totals, by day/hour/model)", () => Price(path, catalog, sequential: true, sink: true)),
            ("+ both cores (chunked, as price runs)", () => Price(path, catalog, sequential: false, sink: true)),
        };
        foreach (var (name, run) in stages)
        {
            run();
            double best = double.MaxValue;
            double bestCpu = double.MaxValue;
            var process = System.Diagnostics.Process.GetCurrentProcess();
            for (int i = 0; i < repeats; i++)
            {
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                run();
                best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
                process.Refresh();
                bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalMilliseconds);
            }

            // CPU time is the steadier figure on a shared machine (a stage waiting for a core costs wall time, not CPU).
            Console.WriteLine($"{name,-48} wall {best,6:F0} ms  cpu {bestCpu,6:F0} ms {bestCpu * 1e6 / lines,6:F0} ns/line");
        }
    }

    private static long ReadOnly(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[1 << 20];
        long total = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static long Split(string path)
    {
        using var lines = new LineBuffer(File.OpenRead(path));
        long count = 0;
        while (lines.TryReadLine(out _))
        {
            count++;
        }

        return count;
    }

    private static long Skip(string path)
    {
        using var lines = new LineBuffer(File.OpenRead(path));
        long end = 0;
        while (lines.TryReadLine(out var line))
        {
            end += JsonSkip.Value(line, 0);
        }

        return end;
    }

    private static long Usage(string path)
    {
        using var lines = new LineBuffer(File.OpenRead(path));
        long tokens = 0;
        while (lines.TryReadLine(out var line))
        {
            JsonSkip.Value(line, 0);
            int at = line.IndexOf("\"usage\":"u8);
            if (at < 0)
            {
                continue;
            }

            int start = at + 8;
            var reader = new Utf8JsonReader(line[start..JsonSkip.Value(line, start)]);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.Number)
                {
                    tokens += reader.GetInt64();
                }
            }
        }

        return tokens;
    }

    private static long Price(string path, Planner.Core.Catalog.ModelCatalog catalog, bool sequential, bool sink)
    {
        var options = new TraceOptions { Chunking = sequential ? TraceChunking.Sequential : TraceChunking.Default };
        using var source = UsageFormats.Open(path, catalog, options, new TraceRejections());
        if (!sink)
        {
            long pico = 0;
            while (source.TryRead(out var request))
            {
                pico += request.Cost.TotalPicodollars;
            }

            return pico;
        }

        var costs = new TraceCosts();
        source.ReadAllInChunks(_ => new TraceCosts(), (chunk, _) => costs.Add(chunk));
        return costs.Totals.Requests;
    }
}
