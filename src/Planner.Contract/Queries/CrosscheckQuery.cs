namespace Planner.Contract.Queries;

/// <summary>The inputs of <c>crosscheck</c>: the date whose prices are compared. The reference files are not fields:
/// the service takes the reference catalogs already read.</summary>
public sealed record CrosscheckQuery : IQuery
{
    /// <summary>Compare the prices in effect on this date (ISO-8601). The default value is today.</summary>
    public string? At { get; init; }

    /// <summary>Every problem at once, by field name.</summary>
    public IReadOnlyList<FieldError> Validate() =>
        At is { } at && !QueryParse.TryInstant(at, out _)
            ? [new("at", $"at must be an ISO-8601 date such as 2026-12-01, got '{at}'")]
            : [];

    /// <summary>The UTC day of a validated query: <see cref="At"/>, else <paramref name="now"/>'s.</summary>
    public DateOnly Day(DateTimeOffset now) =>
        DateOnly.FromDateTime((At is { } at && QueryParse.TryInstant(at, out var instant) ? instant : now).UtcDateTime);
}
