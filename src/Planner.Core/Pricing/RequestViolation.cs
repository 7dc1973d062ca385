namespace Planner.Core.Pricing;

/// <summary>How a request breaks its model's caps, if it does.</summary>
public enum RequestViolation
{
    None,

    /// <summary>Output (text + audio) over the model's output cap.</summary>
    OutputCap,

    /// <summary>Input + output over the model's context window.</summary>
    ContextWindow,
}
