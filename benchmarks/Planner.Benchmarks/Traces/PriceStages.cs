using Process = System.Diagnostics.Process;
using Stopwatch = System.Diagnostics.Stopwatch;
using Planner.Core.Catalog;
using Planner.Core.Traces;

namespace Planner.Benchmarks.Traces;

/// <summary>Where a row of <c>planner price</c> spends its CPU (issue 13.1): each stage of the read run alone over the
/// same trace on one thread, cumulative from the file read to the sums, timed in CPU (user+sys of the process) and
/// wall. Run: <c>dotnet run -c Release --project benchmarks/Planner.Benchmarks -- --price-stages TRACE [REPEATS]</c>.</summary>
internal static class PriceStages
{
    public static void Run(string path, int repeats, int? only = null)
    {
        var catalog = TraceBenchmarkData.LoadCatalog();
        long rows = File.ReadLines(path).LongCount() - 1;
        var stages = new (string Name, Func<long> Run)[]
        {
            ("file read (FileStream, 1 MiB)", () => ReadFile(path)),
            ("count LF (vectorised IndexOf)", () => CountLines(path)),
            ("CsvHelper: Read + GetSpan of 7 fields", () => CsvHelperScan(path)),
            ("TraceReader.TryRead (parse, check, price)", () => ReadRows(path, catalog, sink: null)),
            ("  + TraceCosts.Add (the sums)", () => ReadRows(path, catalog, new TraceCosts())),
            ("TraceReader.ReadInto (price: no request built)", () => ReadInto(path, catalog)),
            ("price's read, sequential (ReadAllInChunks)", () => Price(path, catalog, TraceChunking.Sequential)),
            ("price's read, a chunk per core (CPU of both)", () => Price(path, catalog, TraceChunking.Default)),
        };
        Console.WriteLine($"{path}: {rows:N0} rows; CPU ns/row (wall ns/row), best of {repeats} after one warm-up");
        foreach (var (name, run) in only is { } o ? stages[o..(o + 1)] : stages)
        {
            var firstCpu = Process.GetCurrentProcess().TotalProcessorTime;
            run(); // JIT and tier-up
            double first = (Process.GetCurrentProcess().TotalProcessorTime - firstCpu).TotalNanoseconds / rows;
            double bestCpu = double.MaxValue;
            double bestWall = double.MaxValue;
            for (int i = 0; i < repeats; i++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var wall = Stopwatch.StartNew();
                run();
                bestWall = Math.Min(bestWall, wall.Elapsed.TotalNanoseconds / rows);
                bestCpu = Math.Min(bestCpu, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalNanoseconds / rows);
            }

            Console.WriteLine($"{name,-48} {bestCpu,7:F1} ({bestWall,7:F1}); first run {first,7:F1}");
        }
    }

    private static long ReadFile(string path)
    {
        var buffer = new byte[1 << 20];
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        long total = 0;
        int read;
        while ((read = file.Read(buffer)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static long CountLines(string path)
    {
        var buffer = new byte[1 << 20];
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        long lines = 0;
        int read;
        while ((read = file.Read(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return lines;
    }

    private static long CsvHelperScan(string path)
    {
        var options = CsvHelper.CsvReaderOptions.Default with { Separator = ',', TrimWhitespace = false, TrackLineNumbers = true, BufferSize = 1 << 20, AllowLineBreaksInQuotes = false, MalformedData = CsvHelper.CsvMalformedDataHandling.Recover };
        using var csv = CsvHelper.CsvReader.FromFile(path, options);
        long total = 0;
        while (csv.Read())
        {
            for (int i = 0; i < 8; i++)
            {
                total += csv.GetSpan(i).Length;
            }

            total += csv.LineNumber;
        }

        return total;
    }

    private static long Price(string path, ModelCatalog catalog, TraceChunking chunking)
    {
        var costs = new TraceCosts();
        using var source = Planner.Core.Ingest.UsageFormats.Open(path, catalog, new TraceOptions { Chunking = chunking }, new TraceRejections());
        source.ReadAllInChunks(_ => new TraceCosts(), (chunk, _) => costs.Add(chunk));
        return (long)costs.Totals.TotalPicodollars;
    }

    private static long ReadInto(string path, ModelCatalog catalog)
    {
        using var reader = TraceReader.Open(path, catalog, new TraceOptions(), new TraceRejections());
        var costs = new TraceCosts();
        reader.ReadInto(costs, long.MaxValue);
        return (long)costs.Totals.TotalPicodollars + reader.RowsRead;
    }

    private static long ReadRows(string path, ModelCatalog catalog, TraceCosts? sink)
    {
        using var reader = TraceReader.Open(path, catalog, new TraceOptions(), new TraceRejections());
        long picodollars = 0;
        while (reader.TryRead(out var request))
        {
            if (sink is null)
            {
                picodollars += request.Cost.TotalPicodollars;
            }
            else
            {
                sink.Add(request);
            }
        }

        return picodollars + reader.RowsRead;
    }
}
