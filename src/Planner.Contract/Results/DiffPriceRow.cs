using System.Text.Json.Serialization;
using Planner.Core.Catalog;

namespace Planner.Contract.Results;

/// <summary>One price that changed between the catalogs (USD per 1M tokens; null where a side has no price).</summary>
public sealed record DiffPriceRow
{
    public required string Model { get; init; }

    /// <summary>The meter's key, e.g. "audio_input".</summary>
    [JsonPropertyName("meter")]
    public required string MeterKey { get; init; }

    /// <summary>The meter (for labels).</summary>
    [JsonIgnore]
    public Meter Meter { get; init; }

    public required DateOnly EffectiveFrom { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required decimal? OldUsdPerMillion { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required decimal? NewUsdPerMillion { get; init; }

    /// <summary>(new - old) / old x 100 rounded half away from zero to 6 decimals; null when undefined.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required decimal? ChangePercent { get; init; }

    /// <summary>The change as a table shows it: "+4%", "n/a".</summary>
    [JsonIgnore]
    public string ChangeText { get; init; } = "";
}
