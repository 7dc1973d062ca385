namespace Planner.Contract.Results;

/// <summary>The result of <c>generate-trace</c>: the file written and the settings that reproduce it.</summary>
public sealed record GenerateTraceResult
{
    /// <summary>The trace file written, named as the user typed it.</summary>
    public required string File { get; init; }

    /// <summary>Rows written.</summary>
    public required long Rows { get; init; }

    /// <summary>The random seed: the same seed and settings give the same file.</summary>
    public required int Seed { get; init; }

    /// <summary>Days the trace covers.</summary>
    public required int Days { get; init; }

    /// <summary>The first day of the trace (yyyy-MM-dd).</summary>
    public required DateOnly Start { get; init; }
}
