using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Regression;
using Planner.Core.Traces;

namespace Planner.Core.Tests.Regression;

/// <summary>A workload held in memory, priced with the pricing engine under whichever catalog it is given
/// (stands in for a trace file until the trace reader exists).</summary>
internal sealed class MemoryWorkload(string name, params (string Model, DateTimeOffset At, Usage Usage)[] rows) : IWorkload
{
    public string Name => name;

    public IEnumerable<TraceRequest> Read(ModelCatalog catalog)
    {
        long line = 2;
        foreach (var (model, at, usage) in rows)
        {
            var resolved = catalog.Resolve(model);
            var quote = PricingEngine.Price(resolved, usage, at);
            yield return new TraceRequest(line++, at, resolved, usage, null, quote.Cost);
        }
    }
}
