using System.Text.Json.Serialization;
using Planner.Core.Units;

namespace Planner.Contract.Results;

/// <summary>The result of <c>capacity</c> for a call load: the load in Responses and tokens a minute, and each tier's fit.</summary>
public sealed record CallCapacityResult
{
    public required string Model { get; init; }

    /// <summary>"chat_completions" or "realtime".</summary>
    public required string Api { get; init; }

    public required int TurnCount { get; init; }

    public required decimal CallMinutes { get; init; }

    public required decimal ConcurrentCalls { get; init; }

    public required decimal ResponsesPerCallMinute { get; init; }

    public required decimal TpmChargePerCallMinute { get; init; }

    public required decimal ResponsesPerMinute { get; init; }

    public required decimal TokensPerMinute { get; init; }

    public required long LargestResponseTpmCharge { get; init; }

    public required Usd CostPerCallUsd { get; init; }

    /// <summary>One row per tier asked about.</summary>
    public required IReadOnlyList<CallCapacityTierRow> Tiers { get; init; }

    /// <summary>The key of the lowest tier that carries the load, or null when none does.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? LowestTierThatFits { get; init; }

    public required IReadOnlyList<WarningItem> Warnings { get; init; }

    public required IReadOnlyList<AssumptionItem> Assumptions { get; init; }
}
