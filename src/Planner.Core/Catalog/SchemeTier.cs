using Planner.Core.Units;

namespace Planner.Core.Catalog;

/// <summary>One tier of a tier scheme: how an organization qualifies, and what it may spend a month.</summary>
public sealed record SchemeTier
{
    public required TierName Name { get; init; }

    /// <summary>The payment (USD, total credit purchases) that qualifies; orders the ladder.</summary>
    public required Usd QualifyingPayment { get; init; }

    /// <summary>The most the organization may spend a month at this tier.</summary>
    public required Usd MonthlyUsageLimit { get; init; }

    /// <summary>What qualifies an organization for this tier, as OpenAI words it.</summary>
    public required string Qualification { get; init; }
}
