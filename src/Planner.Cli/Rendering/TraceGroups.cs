using Planner.Core.Pricing;
using Planner.Core.Traces;

namespace Planner.Cli.Rendering;

/// <summary>A trace's exact costs per group (<c>--by</c>), with the trace's totals the groups add up to.</summary>
public sealed record TraceGroups(string Field, GroupedCosts Costs, CostTotals Total);
