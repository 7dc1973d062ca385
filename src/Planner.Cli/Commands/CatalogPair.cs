using Planner.Core;
using Planner.Core.Catalog;
using Planner.Core.Catalog.Json;

namespace Planner.Cli.Commands;

/// <summary>Loads the two catalogs of a diff, reporting every error of both before giving up.</summary>
public static class CatalogPair
{
    /// <summary>Both catalogs, or a <see cref="PlannerException"/> listing every error of each invalid one.</summary>
    public static (ModelCatalog Base, ModelCatalog Head) Load(string basePath, string headPath)
    {
        var (baseCatalog, baseProblem) = TryLoad(basePath);
        var (headCatalog, headProblem) = TryLoad(headPath);
        if (baseCatalog is null || headCatalog is null)
        {
            string message = string.Join(Environment.NewLine, new[] { baseProblem, headProblem }.Where(p => p is not null));
            throw new PlannerException(PlannerErrorKind.InvalidCatalog, message);
        }

        return (baseCatalog, headCatalog);
    }

    private static (ModelCatalog? Catalog, string? Problem) TryLoad(string path)
    {
        try
        {
            return (CatalogJson.Load(path), null);
        }
        catch (PlannerException e) when (e.Kind == PlannerErrorKind.InvalidCatalog)
        {
            return (null, e.Message);
        }
    }
}
