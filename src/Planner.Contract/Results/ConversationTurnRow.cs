using Planner.Core.Units;

namespace Planner.Contract.Results;

/// <summary>One turn of a <see cref="ConversationResult"/>.</summary>
public sealed record ConversationTurnRow
{
    public required int Turn { get; init; }

    /// <summary>The turn's tokens, per meter (the resent history included).</summary>
    public required MeterTokens Tokens { get; init; }

    /// <summary>The turn's cost.</summary>
    public required Usd CostUsd { get; init; }

    /// <summary>The conversation's cost up to and including this turn.</summary>
    public required Usd CumulativeUsd { get; init; }
}
