using Planner.Core.Catalog;
using Planner.Core.Catalog.Json;

namespace Planner.Core.Tests;

/// <summary>The bundled catalog and temporary trace files for tests.</summary>
internal static class TestData
{
    private static readonly System.Collections.Concurrent.ConcurrentBag<string> Written = [];

    static TestData() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (string path in Written)
        {
            File.Delete(path);
        }
    };

    private static readonly Lazy<ModelCatalog> LazyCatalog = new(() => CatalogJson.Load(Path.Combine(DataDirectory, CatalogJson.FileName)));

    /// <summary>The repository's data/ folder.</summary>
    public static string DataDirectory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "data", CatalogJson.FileName);
                if (File.Exists(candidate))
                {
                    return Path.Combine(dir.FullName, "data");
                }
            }

            throw new InvalidOperationException("data/catalog.json not found above " + AppContext.BaseDirectory);
        }
    }

    public static ModelCatalog Catalog => LazyCatalog.Value;

    /// <summary>Writes a trace to a new temporary file and returns its path.</summary>
    public static string Trace(params string[] lines)
    {
        string path = Path.Combine(Path.GetTempPath(), "planner-test-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        Written.Add(path);
        return path;
    }

    /// <summary>A new temporary file path, deleted when the test run ends.</summary>
    public static string TempPath(string name)
    {
        string path = Path.Combine(Path.GetTempPath(), $"planner-{name}-{Guid.NewGuid():N}.csv");
        Written.Add(path);
        return path;
    }
}
