namespace Planner.Contract.Results;

/// <summary>The result of <c>diff</c>: every difference between two catalogs and what it does to each workload's
/// cost, with the thresholds checked. Texts name fields (fail_above), never a shell's flags.</summary>
public sealed record DiffResult
{
    /// <summary>True when no threshold was crossed.</summary>
    public required bool Passed { get; init; }

    /// <summary>One line: what changed, the largest workload move, and the verdict against the thresholds.</summary>
    public required string Summary { get; init; }

    public required DiffCatalogRef Base { get; init; }

    public required DiffCatalogRef Head { get; init; }

    /// <summary>How many catalog differences there are.</summary>
    public required int CatalogChanges { get; init; }

    /// <summary>The head catalog's lifecycle warnings for the workloads' models.</summary>
    public required IReadOnlyList<WarningItem> Warnings { get; init; }

    public required IReadOnlyList<DiffPriceRow> Prices { get; init; }

    public required IReadOnlyList<DiffNameRow> Names { get; init; }

    public required IReadOnlyList<DiffFigureRow> Figures { get; init; }

    public required IReadOnlyList<DiffLifecycleRow> Lifecycle { get; init; }

    public required IReadOnlyList<DiffWorkloadRow> Workloads { get; init; }

    public required DiffThresholds Thresholds { get; init; }

    public required IReadOnlyList<DiffBreachRow> Breaches { get; init; }
}
