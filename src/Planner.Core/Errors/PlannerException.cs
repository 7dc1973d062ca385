namespace Planner.Core;

/// <summary>An input Planner refuses, with a message that names the thing, the bad value and what is allowed.</summary>
public sealed class PlannerException : Exception
{
    public PlannerException(PlannerErrorKind kind, string message)
        : base(message) => Kind = kind;

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
}
