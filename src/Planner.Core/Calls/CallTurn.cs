using Planner.Core.Pricing;
using Planner.Core.Units;

namespace Planner.Core.Calls;

/// <summary>One turn of a call: the Response (or request) it sends, its exact cost, and the total so far.</summary>
/// <param name="Turn">1-based turn.</param>
/// <param name="Tokens">The Response's tokens by modality, cached parts apart.</param>
/// <param name="Usage">The same tokens on the disjoint meters.</param>
/// <param name="Cost">The exact cost, meter by meter.</param>
/// <param name="CumulativeCost">The call's cost up to and including this turn.</param>
/// <param name="TpmCharge">What the Response counts against TPM: its whole input + the reserved max output.</param>
/// <param name="FirstRetainedTurn">The oldest earlier turn still in the context (1 until truncation drops turns).</param>
/// <param name="DroppedTurns">Turns the server dropped at this Response (0 when it did not truncate).</param>
public sealed record CallTurn(int Turn, ResponseTokens Tokens, Usage Usage, CostBreakdown Cost, Usd CumulativeCost, TokenCount TpmCharge,
    int FirstRetainedTurn, int DroppedTurns)
{
    /// <summary>True when the server truncated the conversation at this Response.</summary>
    public bool Truncated => DroppedTurns > 0;
}
