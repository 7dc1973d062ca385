using System.Text.Json.Serialization;

namespace Planner.Contract.Results;

/// <summary>The thresholds a diff checked, in percent; null where none was given.</summary>
public sealed record DiffThresholds(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] decimal? FailAbovePercent,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] decimal? FailBelowPercent);
