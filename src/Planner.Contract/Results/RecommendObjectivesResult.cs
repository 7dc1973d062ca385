namespace Planner.Contract.Results;

/// <summary>What a tier had to meet: under queue the p99 delay; under retry the throttle rate and no drops.</summary>
public sealed record RecommendObjectivesResult(double? MaxP99DelaySeconds, double? MaxThrottleRate, long? MaxDropped);
