using Planner.Core.Catalog;
using Planner.Core.Catalog.Json;
using Planner.Core.Traces;

namespace Planner.Benchmarks.Traces;

/// <summary>The catalog and a generated trace, written once to a temporary file.</summary>
internal static class TraceBenchmarkData
{
    public static ModelCatalog LoadCatalog()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, "data", CatalogJson.FileName);
            if (File.Exists(path))
            {
                return CatalogJson.Load(path);
            }
        }

        throw new InvalidOperationException("data/catalog.json not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A voice-support day of <paramref name="rows"/> rows (seed 1), generated once per process.</summary>
    public static string Trace(long rows)
    {
        string path = Path.Combine(Path.GetTempPath(), $"planner-bench-{rows}-seed1.csv");
        if (!File.Exists(path))
        {
            TraceGenerator.Write(path, new TraceGeneratorOptions { Rows = rows, Seed = 1 });
        }

        return path;
    }

    /// <summary>The first <paramref name="limit"/> rows of a trace, parsed and priced, in memory (for the stage harnesses).</summary>
    public static List<TraceRequest> ReadRows(string path, ModelCatalog catalog, int limit)
    {
        var rows = new List<TraceRequest>(Math.Min(limit, 1 << 20));
        using var reader = TraceReader.Open(path, catalog, new TraceOptions(), new TraceRejections());
        while (rows.Count < limit && reader.TryRead(out var request))
        {
            rows.Add(request);
        }

        return rows;
    }
}
