using Planner.Core.Calls;
using Planner.Core.Units;

namespace Planner.Web.Adapters;

/// <summary>ADAPTER: the Calls page's result: the call priced turn by turn (Core's plan, until a contract <c>CallResult</c>
/// exists), a day and a month of them, and the tiers as the contract's <see cref="Planner.Contract.Results.CallCapacityResult"/>.</summary>
public sealed record CallView(CallInputs Inputs, Planner.Core.Catalog.ResolvedModel Model, CallPlan Plan, Usd PerDay, Usd PerMonth, Planner.Contract.Results.CallCapacityResult Capacity);
