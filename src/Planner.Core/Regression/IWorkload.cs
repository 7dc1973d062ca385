using Planner.Core.Catalog;
using Planner.Core.Traces;

namespace Planner.Core.Regression;

/// <summary>A named set of requests that can be priced under any catalog (a trace file, or rows in memory in tests).</summary>
public interface IWorkload
{
    /// <summary>The name shown in reports, e.g. "voice-support-day".</summary>
    string Name { get; }

    /// <summary>Every request, resolved and priced under <paramref name="catalog"/>.</summary>
    /// <exception cref="PlannerException">A request cannot be priced under that catalog (e.g. its model is gone).</exception>
    IEnumerable<TraceRequest> Read(ModelCatalog catalog);

    /// <summary>The exact cost of every request under <paramref name="catalog"/> (by default the sum of <see cref="Read"/>).</summary>
    /// <exception cref="PlannerException">A request cannot be priced under that catalog.</exception>
    TraceCosts Price(ModelCatalog catalog)
    {
        var costs = new TraceCosts();
        foreach (var request in Read(catalog))
        {
            costs.Add(request);
        }

        return costs;
    }
}
