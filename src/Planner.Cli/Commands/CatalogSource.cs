using Planner.Core.Catalog;
using Planner.Core.Catalog.Json;

namespace Planner.Cli.Commands;

/// <summary>Loads the catalog a command asked for (validated whole; an invalid one is never used).</summary>
public static class CatalogSource
{
    public static ModelCatalog Load(CliEnvironment environment, CatalogSettings settings)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(settings);
        return CatalogJson.Load(settings.Catalog ?? environment.DefaultCatalogPath);
    }
}
