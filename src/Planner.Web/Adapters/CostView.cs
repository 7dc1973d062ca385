namespace Planner.Web.Adapters;

/// <summary>ADAPTER: the Cost page's result: the first line is the chosen model, the rest the compared ones.</summary>
public sealed record CostView(CostInputs Inputs, IReadOnlyList<CostLine> Lines);
