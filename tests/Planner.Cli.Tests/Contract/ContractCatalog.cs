using Planner.Core.Catalog;
using Planner.Core.Catalog.Json;

namespace Planner.Cli.Tests.Contract;

/// <summary>The bundled catalog, loaded once for the contract tests.</summary>
internal static class ContractCatalog
{
    private static readonly Lazy<ModelCatalog> Loaded = new(() => CatalogJson.Load(Path.Combine(CliRunner.DataDirectory, CatalogJson.FileName)));

    public static ModelCatalog Bundled => Loaded.Value;
}
