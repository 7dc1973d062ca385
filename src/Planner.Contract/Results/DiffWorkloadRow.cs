using System.Text.Json.Serialization;
using Planner.Core.Units;

namespace Planner.Contract.Results;

/// <summary>A reference workload priced under both catalogs.</summary>
public sealed record DiffWorkloadRow
{
    public required string Name { get; init; }

    public required long Requests { get; init; }

    public required Usd BaseUsd { get; init; }

    public required Usd HeadUsd { get; init; }

    /// <summary>Head - base.</summary>
    public required Usd ChangeUsd { get; init; }

    /// <summary>(head - base) / base x 100 rounded half away from zero to 6 decimals; null when base is $0.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required decimal? ChangePercent { get; init; }

    /// <summary>The change as a table shows it: "+10%", "n/a (was $0)".</summary>
    [JsonIgnore]
    public string ChangeText { get; init; } = "";
}
