namespace Planner.Contract.Queries;

/// <summary>The inputs of <c>limits</c>: one model's usage tiers, or every model's.</summary>
public sealed record LimitsQuery : IQuery
{
    /// <summary>Model id, alias or snapshot. The default value (null) is every model in the catalog.</summary>
    public string? Model { get; init; }

    /// <summary>Nothing can be wrong: an unknown model is the catalog's error when the query runs.</summary>
    public IReadOnlyList<FieldError> Validate() => [];
}
