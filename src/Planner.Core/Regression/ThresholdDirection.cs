namespace Planner.Core.Regression;

/// <summary>Which way a cost moved past its threshold.</summary>
public enum ThresholdDirection
{
    /// <summary>It rose by more than <c>--fail-above</c>.</summary>
    Rise,

    /// <summary>It fell by more than <c>--fail-below</c>.</summary>
    Fall,
}
