namespace Planner.Contract.Queries;

/// <summary>The inputs of <c>verify</c>: whether to write the golden snapshot instead of checking it. (The catalog and
/// the golden snapshot are files: the service takes them loaded.)</summary>
public sealed record VerifyQuery : IQuery
{
    /// <summary>Write the golden snapshot from the catalog instead of checking it. The default value is false.</summary>
    public bool UpdateGolden { get; init; }

    /// <summary>Nothing to check: both values are allowed.</summary>
    public IReadOnlyList<FieldError> Validate() => [];
}
