using Planner.Core;
using Planner.Core.Catalog;
using Planner.Core.Pricing;

namespace Planner.Web.Adapters;

/// <summary>ADAPTER: one model's figures on the Cost page.</summary>
public sealed record CostLine(ResolvedModel Model, AudioTokenRates Rates, Quote Quote, CostTotals PerDay, CostTotals PerMonth, IReadOnlyList<PlannerWarning> Warnings);
