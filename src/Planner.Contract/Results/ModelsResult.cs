using System.Text.Json.Serialization;

namespace Planner.Contract.Results;

/// <summary>The result of <c>models</c>: every model with its lifecycle on a day, caps, aliases, snapshots and prices.</summary>
public sealed record ModelsResult
{
    /// <summary>The catalog's version, null when it names none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? CatalogVersion { get; init; }

    /// <summary>The day the statuses and prices in effect are for.</summary>
    public required DateOnly At { get; init; }

    /// <summary>The catalog's default audio-token rates.</summary>
    public required AudioRatesItem AudioTokenRates { get; init; }

    public required IReadOnlyList<ModelsEntry> Models { get; init; }
}
