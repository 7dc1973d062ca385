using System.Text.Json.Serialization;
using Planner.Core.Units;

namespace Planner.Contract.Results;

/// <summary>The whole trace as if every request completed (a simulation's cost counts only the completed ones).</summary>
public sealed record WholeTraceResult
{
    public required long Requests { get; init; }

    public required Usd TotalUsd { get; init; }

    /// <summary>Null (written as null) when the trace spans one instant.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required Usd? MonthlyProjectionUsd { get; init; }
}
