using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Units;

namespace Planner.Core.Regression;

/// <summary>One workload's exact cost under the base and the head catalog.</summary>
/// <param name="Name">The workload's name.</param>
/// <param name="Base">The requests and cost under the base catalog.</param>
/// <param name="Head">The requests and cost under the head catalog.</param>
public sealed record WorkloadImpact(string Name, CostTotals Base, CostTotals Head)
{
    /// <summary>Head cost minus base cost, exactly.</summary>
    public Usd Change => Head.Total - Base.Total;

    /// <summary>(head - base) / base x 100; null when the base cost is zero.</summary>
    public decimal? Percent => PercentChange.Of(Base.Total.Value, Head.Total.Value);

    /// <summary>Prices <paramref name="workload"/> under both catalogs, summing every request's cost exactly.</summary>
    /// <exception cref="PlannerException">The workload cannot be priced under one of them; the message names the workload and which catalog.</exception>
    public static WorkloadImpact Measure(IWorkload workload, ModelCatalog @base, ModelCatalog head)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(@base);
        ArgumentNullException.ThrowIfNull(head);
        return new WorkloadImpact(workload.Name, Total(workload, @base, "base"), Total(workload, head, "head"));
    }

    private static CostTotals Total(IWorkload workload, ModelCatalog catalog, string which)
    {
        try
        {
            return workload.Price(catalog).Totals;
        }
        catch (PlannerException e)
        {
            throw new PlannerException(e.Kind, $"workload '{workload.Name}' under the {which} catalog: {e.Message}");
        }
    }
}
