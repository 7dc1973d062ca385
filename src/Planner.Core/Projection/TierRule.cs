using System.Globalization;
using Planner.Core.Units;

namespace Planner.Core.Projection;

/// <summary>The one rule every command recommends a tier by: the recommended tier is the lowest that carries the
/// peak AND whose monthly usage limit covers the month's spend. <c>recommend</c> (simulated peak) and
/// <c>project</c> (projected peak) both call it, so they agree on the same workload.</summary>
public static class TierRule
{
    /// <summary>Chooses from <paramref name="ladder"/>, ordered lowest tier first, each with its verdict.</summary>
    /// <param name="ladder">The tiers, lowest first (the order is the caller's: the catalog's ladder).</param>
    /// <param name="spend">The month's spend checked against the monthly usage limits (null when unknown: then only the peak decides).</param>
    public static TierChoice Choose(IReadOnlyList<TierVerdict> ladder, Usd? spend)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        TierVerdict? both = null;
        TierVerdict? peak = null;
        TierVerdict? limit = null;
        foreach (var verdict in ladder)
        {
            bool covers = spend is null || verdict.CoversSpend;
            peak ??= verdict.CarriesPeak ? verdict : null;
            limit ??= covers ? verdict : null;
            both ??= verdict.CarriesPeak && covers ? verdict : null;
        }

        string money = spend is { } s ? Dollars(s) + "/month" : "";
        string headline;
        if (both is not null)
        {
            headline = both == peak || peak is null || limit is null
                ? $"{both.Tier.DisplayName} carries the peak" + (spend is null ? "" : $" and the projected {money}")
                : $"{peak.Tier.DisplayName} carries the peak; the projected {money} needs {limit.Tier.DisplayName}'s {Dollars(limit.Tier.MonthlyUsageLimit)} monthly usage limit: {both.Tier.DisplayName}";
        }
        else
        {
            var missing = new List<string>();
            if (peak is null)
            {
                string why = ladder.Count > 0 && ladder[^1].PeakReason is { } reason ? $" ({ladder[^1].Tier.DisplayName}: {reason})" : "";
                missing.Add("no tier's rate limits carry the peak" + why);
            }

            if (limit is null && ladder.Count > 0)
            {
                missing.Add($"the projected {money} exceeds the highest monthly usage limit ({ladder[^1].Tier.DisplayName}'s {Dollars(ladder[^1].Tier.MonthlyUsageLimit)})");
            }

            if (missing.Count == 0)
            {
                missing.Add($"the tiers that carry the peak (from {peak!.Tier.DisplayName}) and those whose monthly usage limit covers the projected {money} (up to {limit!.Tier.DisplayName}) do not overlap");
            }

            headline = "no self-serve tier covers it: " + string.Join("; ", missing) + "; ask OpenAI for higher limits";
        }

        return new TierChoice(both?.Tier, peak?.Tier, limit?.Tier, headline);
    }

    private static string Dollars(Usd amount) => "$" + Math.Round(amount.Value, 2, MidpointRounding.AwayFromZero).ToString("N2", CultureInfo.InvariantCulture);
}
