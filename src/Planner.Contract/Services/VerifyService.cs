using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Core.Catalog;
using Planner.Core.Regression;

namespace Planner.Contract.Services;

/// <summary>Runs <c>verify</c> on a loaded (so valid) catalog: its figures against the golden snapshot's text, or the
/// snapshot to write.</summary>
public static class VerifyService
{
    /// <summary>The result. <paramref name="goldenText"/> is the snapshot file's text (required unless the query updates it);
    /// the paths are how the shell names the files.</summary>
    /// <exception cref="Planner.Core.PlannerException">A snapshot that cannot be parsed.</exception>
    public static VerifyResult Run(VerifyQuery query, ModelCatalog catalog, string catalogPath, string goldenPath, bool bundledCopy, string? goldenText)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(catalogPath);
        ArgumentNullException.ThrowIfNull(goldenPath);
        var actual = GoldenSnapshot.Of(catalog);
        var result = new VerifyResult
        {
            CatalogPath = catalogPath,
            BundledCopy = bundledCopy,
            GoldenPath = goldenPath,
            GoldenUpdated = query.UpdateGolden,
            Models = catalog.Models.Count,
            Figures = actual.Count,
            Mismatches = [],
        };
        if (query.UpdateGolden)
        {
            return result with { GoldenText = GoldenSnapshot.Render(catalog, Path.GetFileName(catalogPath)) };
        }

        ArgumentNullException.ThrowIfNull(goldenText);
        var golden = GoldenSnapshot.Parse(goldenText, goldenPath);
        return result with { Mismatches = [.. GoldenSnapshot.Compare(golden, actual).Select(m => m.ToString())] };
    }
}
