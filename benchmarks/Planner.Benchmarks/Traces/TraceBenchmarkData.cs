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
}
