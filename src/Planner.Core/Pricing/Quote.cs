using Planner.Core.Catalog;

namespace Planner.Core.Pricing;

/// <summary>One request priced: the model it resolved to, the prices that applied, and the exact cost.</summary>
public sealed record Quote(ResolvedModel Model, Usage Usage, PriceSet Prices, CostBreakdown Cost);
