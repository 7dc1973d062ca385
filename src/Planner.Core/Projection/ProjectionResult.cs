namespace Planner.Core.Projection;

/// <summary>A finished projection.</summary>
/// <param name="Targets">One projection per target, the first being the reference for savings.</param>
/// <param name="Options">The options it ran with.</param>
/// <param name="IsExact">True when no figure is random (then no run was simulated).</param>
/// <param name="Assumptions">What the figures rest on, in words.</param>
public sealed record ProjectionResult(IReadOnlyList<TargetProjection> Targets, ProjectionOptions Options, bool IsExact, IReadOnlyList<ProjectionAssumption> Assumptions)
{
    /// <summary>Typed warnings, e.g. "trace_too_short". The default value is empty.</summary>
    public IReadOnlyList<PlannerWarning> Warnings { get; init; } = [];
}
