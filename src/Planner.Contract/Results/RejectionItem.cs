namespace Planner.Contract.Results;

/// <summary>One rejected row: its line, the kind of problem (a stable key) and the message.</summary>
public sealed record RejectionItem(long Line, string Kind, string Message);
