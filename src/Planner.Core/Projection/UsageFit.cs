namespace Planner.Core.Projection;

/// <summary>How a learned workload draws a request's tokens.</summary>
public enum UsageFit
{
    /// <summary>Resample observed requests (the default): keeps every meter's shape and their correlation.</summary>
    Resample,

    /// <summary>Fit each meter log-normal (with its share of zeros), meters independent.</summary>
    LogNormal,
}
