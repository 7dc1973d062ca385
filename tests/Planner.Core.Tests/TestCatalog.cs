using Planner.Core.Catalog;
using Planner.Core.Catalog.Json;

namespace Planner.Core.Tests;

/// <summary>The bundled catalog (data/catalog.json of the repository).</summary>
public static class TestCatalog
{
    private static readonly Lazy<ModelCatalog> Bundled = new(() => CatalogJson.Load(FindCatalog()));

    /// <summary>A date at which every bundled model has prices.</summary>
    public static readonly DateTimeOffset PricesAt = new(2026, 1, 15, 0, 0, 0, TimeSpan.Zero);

    public static ModelCatalog Catalog => Bundled.Value;

    public static ResolvedModel Model(string name) => Catalog.Resolve(name);

    private static string FindCatalog()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "data", CatalogJson.FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("data/catalog.json not found above " + AppContext.BaseDirectory);
    }
}
