namespace Planner.Core.Regression;

/// <summary>How far a workload's cost may move before the guard fails. Immutable; validated on creation.</summary>
public sealed record CostThresholds
{
    /// <summary>Creates thresholds; each, when given, must be >= 0.</summary>
    /// <param name="failAbovePercent">Fail when a workload's cost rises by more than this %, or null for no limit.</param>
    /// <param name="failBelowPercent">Fail when a workload's cost falls by more than this %, or null for no limit.</param>
    /// <exception cref="PlannerException">A threshold is negative.</exception>
    public CostThresholds(decimal? failAbovePercent = null, decimal? failBelowPercent = null)
    {
        Check("fail_above", failAbovePercent);
        Check("fail_below", failBelowPercent);
        FailAbovePercent = failAbovePercent;
        FailBelowPercent = failBelowPercent;
    }

    /// <summary>No thresholds: the guard never fails on cost.</summary>
    public static CostThresholds None { get; } = new();

    /// <summary>The largest rise, in %, that passes; null for no limit. The default value is null.</summary>
    public decimal? FailAbovePercent { get; }

    /// <summary>The largest fall, in %, that passes; null for no limit. The default value is null.</summary>
    public decimal? FailBelowPercent { get; }

    /// <summary>The workloads that move past a threshold. A rise of exactly the threshold passes; a
    /// cost that rises from zero crosses any rise threshold.</summary>
    public IReadOnlyList<ThresholdBreach> Check(IEnumerable<WorkloadImpact> impacts)
    {
        ArgumentNullException.ThrowIfNull(impacts);
        var breaches = new List<ThresholdBreach>();
        foreach (var impact in impacts)
        {
            decimal old = impact.Base.Total.Value;
            decimal @new = impact.Head.Total.Value;
            if (FailAbovePercent is { } above && PercentChange.RisesBeyond(old, @new, above))
            {
                breaches.Add(new ThresholdBreach(impact, ThresholdDirection.Rise, above));
            }

            if (FailBelowPercent is { } below && PercentChange.FallsBeyond(old, @new, below))
            {
                breaches.Add(new ThresholdBreach(impact, ThresholdDirection.Fall, below));
            }
        }

        return breaches;
    }

    private static void Check(string option, decimal? percent)
    {
        if (percent < 0)
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument, option,
                $"{option} must be a percentage >= 0, got {percent.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
    }
}
