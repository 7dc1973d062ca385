using System.Text.Json.Serialization;
using Planner.Core.Units;

namespace Planner.Contract.Results;

/// <summary>The result of <c>project</c>: monthly cost over a horizon as a distribution (exact without spread), per
/// model when compared, the tiers each month needs, the trace's exact cost per group when asked, warnings and assumptions.
/// <see cref="Total"/> and <see cref="Months"/> are the first (baseline) model's; <see cref="Comparison"/> lists every model.</summary>
public sealed record ProjectResult
{
    /// <summary>What was projected, e.g. "gpt-audio-mini, 1,000 requests/day -> gpt-audio-1.5 from 2027-01-20".</summary>
    public required string Source { get; init; }

    /// <summary>What the traffic counts: "requests", or "calls" for a call workload.</summary>
    public required string Unit { get; init; }

    /// <summary>True when nothing varies (mean = P10 = P50 = P90 = P99, exact).</summary>
    public required bool Exact { get; init; }

    /// <summary>Monte Carlo runs; omitted when exact.</summary>
    public int? Runs { get; init; }

    /// <summary>The random seed; omitted when exact.</summary>
    public int? Seed { get; init; }

    public required decimal GrowthPercent { get; init; }

    public required decimal Scale { get; init; }

    /// <summary>The monthly budget; omitted without one.</summary>
    public Usd? BudgetUsd { get; init; }

    public required ProjectionTotalRow Total { get; init; }

    public required IReadOnlyList<ProjectionMonthRow> Months { get; init; }

    /// <summary>Every model's projection, the first first; omitted for a single model.</summary>
    public IReadOnlyList<ProjectionTargetResult>? Comparison { get; init; }

    /// <summary>The trace's exact cost per group as read (not projected); omitted unless asked.</summary>
    public GroupsResult? By { get; init; }

    /// <summary>The trace's total as read, which <see cref="By"/>'s groups add up to; with <see cref="By"/> only.</summary>
    [JsonIgnore]
    public TracePricedResult? ByTotal { get; init; }

    /// <summary>Every warning: the models' lifecycle, migrations, monthly usage limits and the projection's own.</summary>
    public required IReadOnlyList<WarningItem> Warnings { get; init; }

    /// <summary>The projection's own warnings (a subset of <see cref="Warnings"/>), shown under its tables.</summary>
    [JsonIgnore]
    public IReadOnlyList<WarningItem> ProjectionWarnings { get; init; } = [];

    /// <summary>The lifecycle and usage-limit warnings (a subset of <see cref="Warnings"/>), shown after the tables.</summary>
    [JsonIgnore]
    public IReadOnlyList<WarningItem> LifecycleWarnings { get; init; } = [];

    /// <summary>The models' own lifecycle warnings at the start (a subset of <see cref="Warnings"/>), printed first.</summary>
    [JsonIgnore]
    public IReadOnlyList<WarningItem> ModelWarnings { get; init; } = [];

    public required IReadOnlyList<AssumptionItem> Assumptions { get; init; }

    /// <summary>Every model's projection: <see cref="Comparison"/>, or the one model's.</summary>
    [JsonIgnore]
    public IReadOnlyList<ProjectionTargetResult> Targets => Comparison ?? [new ProjectionTargetResult { Model = Source, AsGiven = true, Total = Total, Months = Months }];

    /// <summary>The months of the horizon.</summary>
    [JsonIgnore]
    public int MonthCount => Months.Count;
}
