using System.Text.Json.Serialization;
using Planner.Core.Units;

namespace Planner.Contract.Results;

/// <summary>The result of <c>conversation</c>: each turn's tokens and cost with the history resent, and the total.</summary>
public sealed record ConversationResult
{
    /// <summary>The id prices are listed under (the snapshot's, when one was named).</summary>
    public required string Model { get; init; }

    public required long UserAudioTokensPerTurn { get; init; }

    public required long AssistantAudioTokensPerTurn { get; init; }

    public required IReadOnlyList<ConversationTurnRow> Turns { get; init; }

    /// <summary>Tokens of the whole conversation, per meter.</summary>
    public required MeterTokens Tokens { get; init; }

    public required Usd TotalUsd { get; init; }

    /// <summary>The first turn at which a conversation of this shape would overflow the context window (it may lie
    /// past the turns asked for); null when it never does.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required long? ContextOverflowTurn { get; init; }

    /// <summary>The model's context window, in tokens.</summary>
    public required long ContextWindow { get; init; }

    public required IReadOnlyList<WarningItem> Warnings { get; init; }

    public required IReadOnlyList<AssumptionItem> Assumptions { get; init; }
}
