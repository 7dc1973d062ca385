namespace Planner.Contract.Queries;

/// <summary>The inputs of <c>models</c>: the catalog as it stood on a day.</summary>
public sealed record ModelsQuery : IQuery
{
    /// <summary>Show the status and prices in effect on this day. The default value (null) is today.</summary>
    public string? At { get; init; }

    /// <summary>The one possible problem: a date that does not parse.</summary>
    public IReadOnlyList<FieldError> Validate() =>
        At is not null && !QueryParse.TryInstant(At, out _)
            ? [new FieldError("at", $"at must be an ISO-8601 date such as 2026-12-01, got '{At}'")]
            : [];

    /// <summary>The day asked about: <see cref="At"/>'s, else <paramref name="now"/>'s.</summary>
    public DateOnly Day(DateTimeOffset now) =>
        DateOnly.FromDateTime((At is not null && QueryParse.TryInstant(At, out var at) ? at : now).UtcDateTime);
}
