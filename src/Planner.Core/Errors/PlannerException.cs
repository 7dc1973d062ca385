namespace Planner.Core;

/// <summary>An input Planner refuses, with a message that names the thing, the bad value and what is allowed.</summary>
public sealed class PlannerException : Exception
{
    public PlannerException(PlannerErrorKind kind, string message)
        : base(message) => Kind = kind;

    /// <summary>A refusal of one field's value; <paramref name="message"/> names the field by <paramref name="field"/>,
    /// its snake_case name (<c>months must be 1 to 600</c>), which a shell may show as its own name for it (a CLI flag).</summary>
    public PlannerException(PlannerErrorKind kind, string field, string message)
        : base(message)
    {
        Kind = kind;
        Field = field;
    }

    public PlannerException()
    {
    }

    public PlannerException(string message)
        : base(message)
    {
    }

    public PlannerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What kind of refusal this is.</summary>
    public PlannerErrorKind Kind { get; }

    /// <summary>The snake_case name of the field refused, when one is (e.g. "months"); null otherwise.</summary>
    public string? Field { get; }
}
