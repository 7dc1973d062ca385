using Planner.Core.Units;

namespace Planner.Contract.Results;

/// <summary>One turn (one Response) of a <see cref="CallResult"/>.</summary>
public sealed record CallTurnRow
{
    public required int Turn { get; init; }

    /// <summary>The Response's tokens, per meter (the resent history included).</summary>
    public required MeterTokens Tokens { get; init; }

    public required MeterAmounts CostUsd { get; init; }

    public required Usd TotalUsd { get; init; }

    /// <summary>The call's cost up to and including this turn.</summary>
    public required Usd CumulativeUsd { get; init; }

    /// <summary>What the Response counts against TPM.</summary>
    public required long TpmChargeTokens { get; init; }

    public required int FirstRetainedTurn { get; init; }

    /// <summary>Turns the server dropped at this Response (0 when it did not truncate).</summary>
    public required int DroppedTurns { get; init; }
}
