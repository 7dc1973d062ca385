namespace Planner.Contract.Results;

/// <summary>The result of <c>price</c>: a trace's rows and their exact cost (see <see cref="TracePricedResult"/>), the
/// engine that read it, the cost per group when asked, warnings and assumptions.</summary>
public sealed record PriceResult : TracePricedResult
{
    public PriceResult()
    {
    }

    /// <summary>A result on the rows and costs of <paramref name="priced"/>.</summary>
    public PriceResult(TracePricedResult priced)
        : base(priced)
    {
    }

    /// <summary>"duckdb" when that engine read the files; omitted for the streaming reader.</summary>
    public string? Engine { get; init; }

    /// <summary>The model every row was priced on, when the query overrode the rows' own.</summary>
    public string? ModelOverride { get; init; }

    /// <summary>The cost per group, when the query asked for one.</summary>
    public GroupsResult? By { get; init; }

    public required IReadOnlyList<WarningItem> Warnings { get; init; }

    public required IReadOnlyList<AssumptionItem> Assumptions { get; init; }
}
