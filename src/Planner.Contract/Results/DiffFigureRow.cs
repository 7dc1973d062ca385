using System.Text.Json.Serialization;

namespace Planner.Contract.Results;

/// <summary>A cap, tier limit or audio-token rate that changed.</summary>
public sealed record DiffFigureRow
{
    public required string Subject { get; init; }

    public required string Figure { get; init; }

    /// <summary>"tokens", "usd", "tokens_per_second", ...</summary>
    public required string Unit { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required decimal? Old { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required decimal? New { get; init; }

    /// <summary>(new - old) / old x 100 rounded half away from zero to 6 decimals; null when undefined.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required decimal? ChangePercent { get; init; }

    /// <summary>The old figure in its unit, "128,000", "$500", "none".</summary>
    [JsonIgnore]
    public string OldText { get; init; } = "";

    /// <summary>The new figure in its unit.</summary>
    [JsonIgnore]
    public string NewText { get; init; } = "";

    /// <summary>The change as a table shows it.</summary>
    [JsonIgnore]
    public string ChangeText { get; init; } = "";
}
