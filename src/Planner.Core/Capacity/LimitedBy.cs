namespace Planner.Core.Capacity;

/// <summary>Which per-minute limit binds first.</summary>
public enum LimitedBy
{
    /// <summary>Requests per minute.</summary>
    Rpm,

    /// <summary>Tokens per minute.</summary>
    Tpm,
}
