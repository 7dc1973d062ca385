using Planner.Core;
using Planner.Core.Traces;

namespace Planner.Web.Adapters;

/// <summary>ADAPTER until contract-b's <c>PriceResult</c> is wired: an uploaded file priced by Core's readers into
/// <see cref="TraceCosts"/>, as <c>planner price</c> does, with its format and row counts.</summary>
public sealed record UsageReport(string FileName, string Format, long RowsRead, long RowsPriced, TraceCosts Costs, IReadOnlyList<PlannerWarning> Warnings)
{
    /// <summary>Prices every row of an open source (it throws at the first bad row: file, line and field).</summary>
    public static UsageReport Price(IUsageSource source, string fileName, Planner.Core.Catalog.ModelCatalog catalog, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(catalog);
        var costs = new TraceCosts();
        long rows = 0;
        while (source.TryRead(out var request))
        {
            costs.Add(request);
            if ((++rows & 0xFFF) == 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }
        }

        var warnings = new List<PlannerWarning>();
        foreach (var (model, _) in costs.ByModel)
        {
            if (catalog.TryResolve(model, out var resolved) && costs.First is { } first)
            {
                warnings.AddRange(Planner.Core.Catalog.ModelLifecycle.WarningsAt(resolved, DateOnly.FromDateTime(first.UtcDateTime)));
            }
        }

        return new UsageReport(fileName, source.Format, source.RowsRead, source.RowsPriced, costs, Planner.Core.Catalog.ModelLifecycle.Distinct(warnings));
    }
}
