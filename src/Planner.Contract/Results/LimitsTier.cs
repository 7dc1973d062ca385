using System.Text.Json.Serialization;
using Planner.Core.Units;

namespace Planner.Contract.Results;

/// <summary>One usage tier of a model in a <see cref="LimitsModel"/>.</summary>
public sealed record LimitsTier
{
    /// <summary>The tier's key ("free", "1", "build").</summary>
    public required string Tier { get; init; }

    public required bool Supported { get; init; }

    /// <summary>Requests a minute; null where the model is not offered at the tier.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required long? Rpm { get; init; }

    /// <summary>Tokens a minute; null where the model is not offered at the tier.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required long? Tpm { get; init; }

    public required Usd MonthlyUsageLimitUsd { get; init; }

    public required string Qualification { get; init; }

    /// <summary>The URL of the RPM/TPM figures.</summary>
    public required string Source { get; init; }

    /// <summary>True when the figures are an assumption (e.g. carried over from another model's page).</summary>
    public required bool Assumption { get; init; }

    /// <summary>Why the figures are assumed, when they are (omitted otherwise).</summary>
    public string? AssumptionNote { get; init; }

    /// <summary>The URL of the monthly usage limits.</summary>
    public required string UsageLimitSource { get; init; }
}
