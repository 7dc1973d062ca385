using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Core.Catalog;
using Planner.Core.Crosscheck;

namespace Planner.Contract.Services;

/// <summary>Runs <c>crosscheck</c>: Planner's catalog against reference catalogs already read
/// (<see cref="LiteLlmReader"/>, <see cref="GenAiPricesReader"/> with <c>query.Day(now)</c>).</summary>
public static class CrosscheckService
{
    public static CrosscheckResult Run(CrosscheckQuery query, ModelCatalog catalog, IReadOnlyList<ReferenceCatalog> references, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(references);
        var report = CatalogCrosscheck.Compare(catalog, references, query.Day(now));
        return new CrosscheckResult
        {
            At = report.At,
            ToleranceUsdPer1m = report.ToleranceUsdPerMillion,
            Sources = [.. references.Select(r => new CrosscheckSource(ReferenceCatalog.Name(r.Source), r.File))],
            Compared = report.Compared,
            Agrees = report.Agrees,
            Disagreements = [.. report.Disagreements.Select(d => new CrosscheckDisagreementRow(
                ReferenceCatalog.Name(d.Source), d.Model, d.Field, Kind(d.Kind), d.Planner, d.Reference, d.ReferencePath))],
            NotListed = [.. report.NotListed.Select(n => new CrosscheckNotListed(ReferenceCatalog.Name(n.Source), n.Model))],
            Warnings = [],
        };
    }

    /// <summary>The wire key of a disagreement's kind.</summary>
    public static string Kind(CrosscheckKind kind) => kind switch
    {
        CrosscheckKind.Price => "price",
        CrosscheckKind.MissingMeter => "missing_meter",
        CrosscheckKind.ExtraMeter => "extra_meter",
        CrosscheckKind.ContextWindow => "context_window",
        _ => "max_output_tokens",
    };
}
