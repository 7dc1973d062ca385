using System.Text.Json.Serialization;

namespace Planner.Contract.Results;

/// <summary>The result of <c>migrate</c>: a workload's cost per month on its current model and after moving to each
/// candidate, the tier each needs and the day by which the move must happen.</summary>
public sealed record MigrateResult
{
    /// <summary>What was moved, e.g. "gpt-audio-mini, 1,000 requests/day".</summary>
    public required string Source { get; init; }

    /// <summary>The current model's billing id.</summary>
    public required string From { get; init; }

    /// <summary>The first day of month 1.</summary>
    public required DateOnly Start { get; init; }

    public required int Months { get; init; }

    /// <summary>True when every figure is exact (no spread); else Monte Carlo means.</summary>
    public required bool Exact { get; init; }

    /// <summary>The current model's shutdown: the move must be done before this day; null when none is announced.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required DateOnly? MoveBefore { get; init; }

    /// <summary>The highest tier the current model's traffic needs; null when no self-serve tier covers it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? CurrentTier { get; init; }

    /// <summary>The current tier with its display name and limit (for tables).</summary>
    [JsonIgnore]
    public MigrateTier? CurrentTierDetail { get; init; }

    public required IReadOnlyList<MigrateCandidateRow> Candidates { get; init; }

    public required IReadOnlyList<WarningItem> Warnings { get; init; }

    public required IReadOnlyList<AssumptionItem> Assumptions { get; init; }
}
