using Planner.Core.Units;

namespace Planner.Contract.Results;

/// <summary>One UTC day of a reconciliation: Planner's figure, the bill's, billed minus Planner, and whether it passes the tolerance.</summary>
public sealed record ReconcileDayRow(DateOnly Day, Usd PlannerUsd, Usd BilledUsd, Usd DifferenceUsd, bool Exceeded);
