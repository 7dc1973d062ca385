using Planner.Core.Calls;
using Planner.Core.Units;

namespace Planner.Web.Adapters;

/// <summary>ADAPTER: the Calls page's result: the call priced turn by turn, a day and a month of them, and the tiers.</summary>
public sealed record CallView(CallInputs Inputs, Planner.Core.Catalog.ResolvedModel Model, CallPlan Plan, Usd PerDay, Usd PerMonth, CallCapacity Capacity, decimal ConcurrentCalls);
