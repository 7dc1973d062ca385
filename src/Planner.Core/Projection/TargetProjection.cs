namespace Planner.Core.Projection;

/// <summary>The projection of the workload priced on one target.</summary>
/// <param name="Target">What it was priced on.</param>
/// <param name="Months">Month 1 to the horizon.</param>
/// <param name="SavingVersusFirst">For a second or later target, the saving against the first target, month by month; else empty.</param>
public sealed record TargetProjection(ProjectionTarget Target, IReadOnlyList<MonthProjection> Months, IReadOnlyList<SavingMonth> SavingVersusFirst)
{
    /// <summary>The cost of the whole horizon, month 1 to the last.</summary>
    public required HorizonTotal Total { get; init; }
}
