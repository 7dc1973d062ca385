using Planner.Core.Catalog;

namespace Planner.Core.Migration;

/// <summary>What moving a workload off a model costs, candidate by candidate.</summary>
/// <param name="From">The current model.</param>
/// <param name="Calendar">The horizon.</param>
/// <param name="MoveBy">The current model's shutdown: the move must be done before this day (null when none is announced).</param>
/// <param name="IsExact">True when every figure is exact (no spread).</param>
/// <param name="CurrentTier">The highest tier the current model's traffic needs, or null when none covers it.</param>
/// <param name="Candidates">Each candidate.</param>
/// <param name="Warnings">Lifecycle and usage-limit warnings.</param>
public sealed record MigrationReport(ResolvedModel From, ProjectionCalendar Calendar, DateOnly? MoveBy, bool IsExact, UsageTier? CurrentTier,
    IReadOnlyList<MigrationCandidate> Candidates, IReadOnlyList<PlannerWarning> Warnings);
