using MathNet.Numerics.Distributions;
using Planner.Core.Catalog;
using Planner.Core.Units;

namespace Planner.Core.Projection;

/// <summary>Which usage tier a month's traffic and spend need.</summary>
public static class TierAdvisor
{
    /// <summary>On the model's ladder of the latest tier scheme (projections look ahead): the lowest supported tier whose RPM and TPM carry the peak and whose monthly usage
    /// limit is at least <paramref name="spend"/>, or null when none does.</summary>
    public static UsageTier? Choose(ModelSpec model, long peakRpm, long peakTpm, Usd spend)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Ladder?.Lowest(tier => tier.Rpm is { } rpm && tier.Tpm is { } tpm
            && rpm.Value >= peakRpm && tpm.Value >= peakTpm && tier.MonthlyUsageLimit >= spend);
    }

    /// <summary>The lowest tier for the whole organization: a usage tier applies to every model at
    /// once, so each model's peak must fit that tier's RPM and TPM for that model, and the
    /// organization's whole monthly <paramref name="totalSpend"/> must fit its monthly usage limit
    /// (the limit caps total spend, not each model's). Null when no tier does.</summary>
    public static UsageTier? ChooseForOrganization(IReadOnlyList<(ModelSpec Model, TierNeed Need)> models, Usd totalSpend)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count == 0)
        {
            return null;
        }

        return models[0].Model.Ladder?.Lowest(candidate =>
        {
            bool fits = true;
            foreach (var (model, need) in models)
            {
                fits &= model.Ladder?.Find(candidate.Tier) is { Supported: true, Rpm: { } rpm, Tpm: { } tpm } tier
                    && rpm.Value >= need.PeakRpm && tpm.Value >= need.PeakTpm && tier.MonthlyUsageLimit >= totalSpend;
            }

            return fits;
        });
    }

    /// <summary>The smallest k with P(Poisson(<paramref name="mean"/>) &lt;= k) &gt;= <paramref name="quantile"/>
    /// (a normal approximation above a mean of 1,000).</summary>
    public static long PoissonQuantile(double mean, double quantile)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 1_000)
        {
            return (long)Math.Ceiling(mean + (Normal.InvCDF(0, 1, quantile) * Math.Sqrt(mean)));
        }

        // In log space: e^-mean underflows to 0 above a mean of about 745, and a product started at 0 stays 0
        // (the loop never ended for a peak minute of 745 to 1,000 requests). The bound is far past any quantile < 1.
        double logMean = Math.Log(mean);
        double logP = -mean;
        double cdf = Math.Exp(logP);
        long k = 0;
        long bound = (long)Math.Ceiling(mean + (20 * Math.Sqrt(mean)) + 20);
        while (cdf < quantile && k < bound)
        {
            k++;
            logP += logMean - Math.Log(k);
            cdf += Math.Exp(logP);
        }

        return k;
    }
}
