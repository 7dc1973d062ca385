using Planner.Core.Pricing;
using Planner.Core.Units;

namespace Planner.Core.Conversations;

/// <summary>One turn: what it sends and receives, its exact cost, and the total so far.</summary>
public sealed record ConversationTurn(int Turn, Usage Usage, CostBreakdown Cost, Usd CumulativeCost);
