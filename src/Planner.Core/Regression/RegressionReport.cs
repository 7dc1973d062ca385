using Planner.Core.Catalog;

namespace Planner.Core.Regression;

/// <summary>What a change from one catalog to another does: the catalog differences, each
/// workload's cost under both, and the thresholds crossed.</summary>
/// <param name="Catalog">The catalog differences.</param>
/// <param name="Workloads">Each workload's cost under base and head, in the order given.</param>
/// <param name="Thresholds">The thresholds checked.</param>
/// <param name="Breaches">The workloads that crossed a threshold.</param>
public sealed record RegressionReport(CatalogDiff Catalog, IReadOnlyList<WorkloadImpact> Workloads, CostThresholds Thresholds, IReadOnlyList<ThresholdBreach> Breaches)
{
    /// <summary>True when no threshold was crossed.</summary>
    public bool Passed => Breaches.Count == 0;

    /// <summary>Compares the catalogs, prices every workload under both and checks the thresholds.</summary>
    /// <exception cref="PlannerException">A workload cannot be priced under one of the catalogs.</exception>
    public static RegressionReport Build(ModelCatalog @base, ModelCatalog head, IEnumerable<IWorkload> workloads, CostThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(workloads);
        ArgumentNullException.ThrowIfNull(thresholds);
        var diff = CatalogDiff.Compare(@base, head);
        var impacts = workloads.Select(w => WorkloadImpact.Measure(w, @base, head)).ToList();
        return new RegressionReport(diff, impacts, thresholds, thresholds.Check(impacts));
    }
}
