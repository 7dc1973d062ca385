using Planner.Core.Units;

namespace Planner.Core.Projection;

/// <summary>What moving the workload from the first target to another saves in one month
/// (positive: the other is cheaper), with its 80% interval.</summary>
public sealed record SavingMonth(int Month, Usd Mean, Usd P10, Usd P50, Usd P90);
