using System.Text.Json.Serialization;

namespace Planner.Contract.Results;

/// <summary>A workload whose cost change crossed a threshold.</summary>
public sealed record DiffBreachRow
{
    public required string Workload { get; init; }

    /// <summary>"rise" or "fall".</summary>
    public required string Direction { get; init; }

    public required decimal ThresholdPercent { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required decimal? ChangePercent { get; init; }

    /// <summary>"voice: cost rose 12.5% ($10 -> $11.25), more than fail_above 10%" (field names, not flags).</summary>
    public required string Message { get; init; }
}
