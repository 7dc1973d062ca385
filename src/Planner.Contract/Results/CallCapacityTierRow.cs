using System.Text.Json.Serialization;

namespace Planner.Contract.Results;

/// <summary>One tier in a <see cref="CallCapacityResult"/>: its limits, whether it carries the load, and the most calls it carries.</summary>
public sealed record CallCapacityTierRow
{
    /// <summary>The tier's key ("1", "free").</summary>
    public required string Tier { get; init; }

    public required bool Supported { get; init; }

    /// <summary>Requests a minute, null when the model is not offered at the tier.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required long? Rpm { get; init; }

    /// <summary>Tokens a minute, null when the model is not offered at the tier.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required long? Tpm { get; init; }

    public required bool FitsRpm { get; init; }

    public required bool FitsTpm { get; init; }

    public required bool Fits { get; init; }

    public required long MaxConcurrentCalls { get; init; }

    /// <summary>"rpm" or "tpm".</summary>
    public required string LimitedBy { get; init; }
}
