using Planner.Core.Traces;

namespace Planner.Cli.Commands;

/// <summary>What <c>price</c> sums for one chunk of a trace (or the whole of a sequential read): the exact costs, and
/// the groups of <c>--by</c> when asked.</summary>
internal sealed class PriceSums : ITraceSink
{
    public PriceSums(IUsageSource source, UsageGroupBy? by)
    {
        Groups = by is { } b ? new GroupedCosts(source, b, Costs) : null;
    }

    public TraceCosts Costs { get; } = new();

    public GroupedCosts? Groups { get; }

    public void Add(in TraceRequest request)
    {
        if (Groups is null)
        {
            Costs.Add(request);
        }
        else
        {
            Groups.Add(request);
        }
    }
}
