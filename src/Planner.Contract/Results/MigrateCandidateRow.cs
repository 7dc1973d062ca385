using System.Text.Json.Serialization;
using Planner.Core.Units;

namespace Planner.Contract.Results;

/// <summary>One candidate of <c>migrate</c>: its months before and after, the tier it needs, the horizon's totals.</summary>
public sealed record MigrateCandidateRow
{
    public required string Model { get; init; }

    /// <summary>"chat_completions" or "realtime".</summary>
    public required string Api { get; init; }

    /// <summary>Why it is a candidate: "given", "recommended replacement", ...</summary>
    public required string Why { get; init; }

    /// <summary>The highest tier any month needs on it; null when no self-serve tier covers it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? Tier { get; init; }

    /// <summary>The tier with its display name and monthly usage limit (for tables).</summary>
    [JsonIgnore]
    public MigrateTier? TierDetail { get; init; }

    public required IReadOnlyList<MigrateMonthRow> Months { get; init; }

    public required Usd TotalBeforeUsd { get; init; }

    public required Usd TotalAfterUsd { get; init; }

    /// <summary>Total after - total before.</summary>
    public required Usd TotalChangeUsd { get; init; }
}
