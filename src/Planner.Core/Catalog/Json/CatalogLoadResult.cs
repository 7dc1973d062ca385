namespace Planner.Core.Catalog.Json;

/// <summary>A catalog, or every reason it is not valid (never both).</summary>
public sealed record CatalogLoadResult(ModelCatalog? Catalog, IReadOnlyList<CatalogError> Errors)
{
    public bool IsValid => Catalog is not null;

    /// <summary>The catalog, or a <see cref="PlannerException"/> listing every error with <paramref name="origin"/> (a file name).</summary>
    public ModelCatalog GetOrThrow(string origin)
    {
        if (Catalog is not null)
        {
            return Catalog;
        }

        throw new PlannerException(PlannerErrorKind.InvalidCatalog,
            $"{origin}: catalog is not valid ({Errors.Count} {(Errors.Count == 1 ? "error" : "errors")}):" + Environment.NewLine +
            string.Join(Environment.NewLine, Errors.Select(e => "  " + e)));
    }
}
