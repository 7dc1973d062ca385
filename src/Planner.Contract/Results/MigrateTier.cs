using Planner.Core.Units;

namespace Planner.Contract.Results;

/// <summary>The tier a model's traffic needs, for display (the JSON carries its name alone).</summary>
/// <param name="Name">The tier's key, e.g. "tier_2".</param>
/// <param name="DisplayName">"Tier 2".</param>
/// <param name="MonthlyUsageLimitUsd">The tier's monthly usage limit.</param>
public sealed record MigrateTier(string Name, string DisplayName, Usd MonthlyUsageLimitUsd);
