using Planner.Core.Units;

namespace Planner.Core.Projection;

/// <summary>The whole horizon's cost (e.g. a quarter for <c>--months 3</c>): its distribution is taken
/// from each run's sum over the months, since percentiles do not add month by month.</summary>
/// <param name="Months">How many months it covers.</param>
/// <param name="Mean">Mean total (exact when <paramref name="IsExact"/>, else rounded to the cent).</param>
/// <param name="P10">10th percentile of the total.</param>
/// <param name="P50">Median total.</param>
/// <param name="P90">90th percentile of the total.</param>
/// <param name="P99">99th percentile of the total.</param>
/// <param name="IsExact">True when nothing is random: every figure is the exact sum of the months.</param>
public sealed record HorizonTotal(int Months, Usd Mean, Usd P10, Usd P50, Usd P90, Usd P99, bool IsExact);
