namespace Planner.Contract.Results;

/// <summary>One model's projection in a comparison: its total, its months, and its saving against the first.</summary>
public sealed record ProjectionTargetResult
{
    public required string Model { get; init; }

    /// <summary>True when priced on the workload's own models (a trace of several models), not on one named model.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool AsGiven { get; init; }

    public required ProjectionTotalRow Total { get; init; }

    public required IReadOnlyList<ProjectionMonthRow> Months { get; init; }

    /// <summary>The first model's name, when this one is compared against it; omitted for the first.</summary>
    public string? SavingAgainst { get; init; }

    /// <summary>The saving each month; omitted for the first.</summary>
    public IReadOnlyList<ProjectionSavingRow>? Saving { get; init; }
}
