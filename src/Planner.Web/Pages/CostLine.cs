using Planner.Contract.Results;
using Planner.Core.Catalog;

namespace Planner.Web.Pages;

/// <summary>One model on the Cost page: the contract's <see cref="CostResult"/> for a day of requests and for a 30-day
/// month of them (the same query with <c>requests</c> x 30), and the model for its lifecycle badge.</summary>
public sealed record CostLine(CostResult Day, CostResult Month, ResolvedModel Model);
