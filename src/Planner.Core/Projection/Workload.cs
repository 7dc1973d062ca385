namespace Planner.Core.Projection;

/// <summary>The traffic to project: one or more streams, and how they were obtained.</summary>
/// <param name="Streams">The streams (at least one).</param>
/// <param name="Notes">Assumptions made in building the workload, e.g. how arrivals were learned.</param>
public sealed record Workload(IReadOnlyList<WorkloadStream> Streams, IReadOnlyList<string> Notes)
{
    /// <summary>True when nothing is random: fixed counts of identical requests.</summary>
    public bool IsExact => Streams.All(s => s.Arrivals.IsExact && s.Usage.ExactUsage is not null);
}
