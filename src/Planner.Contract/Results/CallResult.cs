using System.Text.Json.Serialization;
using Planner.Core.Units;

namespace Planner.Contract.Results;

/// <summary>The result of <c>call</c>: one voice call costed turn by turn, with its totals, cost per minute and the
/// cache-hit bounds.</summary>
public sealed record CallResult
{
    public required string Model { get; init; }

    /// <summary>"chat_completions" or "realtime".</summary>
    public required string Api { get; init; }

    public required int TurnCount { get; init; }

    public required decimal CallMinutes { get; init; }

    public required long UserAudioTokensPerTurn { get; init; }

    public required long AssistantAudioTokensPerTurn { get; init; }

    /// <summary>The output tokens each Response reserves.</summary>
    public required long MaxOutputTokens { get; init; }

    /// <summary>Realtime's truncation limit (context window less max output); null on Chat Completions.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required long? TruncationLimitTokens { get; init; }

    /// <summary>The first turn the server truncates at; null when it never does.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required int? TruncationTurn { get; init; }

    public required IReadOnlyList<CallTurnRow> Turns { get; init; }

    /// <summary>The whole call's tokens, per meter.</summary>
    public required MeterTokens Tokens { get; init; }

    /// <summary>The whole call's cost, per meter.</summary>
    public required MeterAmounts CostUsd { get; init; }

    public required Usd TotalUsd { get; init; }

    /// <summary>Total over call minutes; null for a call of no length.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required Usd? CostPerMinuteUsd { get; init; }

    public required decimal CacheHitShare { get; init; }

    [JsonPropertyName("total_at_cache_hit_0_usd")]
    public required Usd TotalAtCacheHit0Usd { get; init; }

    [JsonPropertyName("total_at_cache_hit_1_usd")]
    public required Usd TotalAtCacheHit1Usd { get; init; }

    public required IReadOnlyList<WarningItem> Warnings { get; init; }

    public required IReadOnlyList<AssumptionItem> Assumptions { get; init; }
}
