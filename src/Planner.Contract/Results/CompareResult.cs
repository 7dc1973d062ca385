using Planner.Core.Units;

namespace Planner.Contract.Results;

/// <summary>The result of <c>compare</c>: the same K requests on each model, with the ratio and difference to the first.</summary>
public sealed record CompareResult
{
    /// <summary>How many requests.</summary>
    public required long Requests { get; init; }

    /// <summary>The first model's id, the baseline of every ratio.</summary>
    public required string Baseline { get; init; }

    /// <summary>One row per model, in the query's order.</summary>
    public required IReadOnlyList<CompareModelRow> Models { get; init; }

    public required IReadOnlyList<WarningItem> Warnings { get; init; }

    public required IReadOnlyList<AssumptionItem> Assumptions { get; init; }
}
