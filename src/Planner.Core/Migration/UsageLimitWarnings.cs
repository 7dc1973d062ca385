using System.Globalization;
using Planner.Core.Calls;
using Planner.Core.Catalog;
using Planner.Core.Units;

namespace Planner.Core.Migration;

/// <summary>Says where a month's spend passes tiers' monthly usage limits, and when no self-serve tier covers it.</summary>
public static class UsageLimitWarnings
{
    /// <summary>One warning for each run of months that needs the same tier: the lowest tier whose monthly usage limit
    /// covers the spend, or, above the highest tier's limit (Grow, $200,000), that no self-serve tier covers it.</summary>
    /// <param name="model">The model whose tier ladder applies (usage tiers are per organization; the ladder is the same for every model of a scheme).</param>
    /// <param name="spends">Each month's spend that must fit (exact, or a high percentile), in month order.</param>
    public static IReadOnlyList<PlannerWarning> For(ModelSpec model, IReadOnlyList<(int Month, Usd Spend)> spends)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(spends);
        var ladder = TierWalk.Of(model);
        var warnings = new List<PlannerWarning>();
        if (ladder.Count == 0)
        {
            return warnings;
        }

        var lowest = ladder[0];
        var highest = ladder[^1];
        string? previous = null;
        foreach (var (month, spend) in spends)
        {
            if (spend <= lowest.MonthlyUsageLimit)
            {
                previous = null;
                continue;
            }

            UsageTier? covering = null;
            UsageTier? below = null;
            foreach (var tier in ladder)
            {
                if (tier.MonthlyUsageLimit >= spend)
                {
                    covering = tier;
                    break;
                }

                below = tier;
            }

            string key = covering is null ? "no_self_serve_tier" : "usage_limit_exceeded";
            string tierKey = key + (covering?.Name ?? "");
            if (tierKey == previous)
            {
                continue;
            }

            previous = tierKey;
            warnings.Add(covering is null
                ? new PlannerWarning(key, $"month {month}: spend {Money(spend)} is over {highest.DisplayName}'s {Money(highest.MonthlyUsageLimit)} monthly usage limit, the highest self-serve tier: no self-serve tier covers it (OpenAI must raise the limit)")
                : new PlannerWarning(key, $"month {month}: spend {Money(spend)} is over {below!.DisplayName}'s {Money(below.MonthlyUsageLimit)} monthly usage limit: it needs {covering.DisplayName} ({Money(covering.MonthlyUsageLimit)}) or above"));
        }

        return warnings;
    }

    private static string Money(Usd amount) => "$" + Math.Round(amount.Value, 2).ToString("#,0.##", CultureInfo.InvariantCulture);
}
