using Planner.Core.Pricing;
using Planner.Core.Units;

namespace Planner.Core.Conversations;

/// <summary>A conversation costed turn by turn.</summary>
/// <param name="Turns">Each turn in order.</param>
/// <param name="Usage">All tokens of all turns.</param>
/// <param name="Total">The exact cost of the whole conversation.</param>
/// <param name="UserTokensPerTurn">The user's audio per turn as tokens (at the input rate).</param>
/// <param name="AssistantTokensPerTurn">The assistant's audio per turn as tokens (at the output rate, also when resent as input).</param>
/// <param name="OverflowTurn">The first turn whose input + output would exceed the context window, or null when none ever would.</param>
public sealed record ConversationPlan(IReadOnlyList<ConversationTurn> Turns, Usage Usage, Usd Total, TokenCount UserTokensPerTurn, TokenCount AssistantTokensPerTurn, long? OverflowTurn);
