using MathNet.Numerics.Distributions;
using Planner.Core.Catalog;
using Planner.Core.Units;

namespace Planner.Core.Projection;

/// <summary>Which usage tier a month's traffic and spend need.</summary>
public static class TierAdvisor
{
    /// <summary>The lowest supported tier whose RPM and TPM carry the peak and whose monthly usage
    /// limit is at least <paramref name="spend"/>, or null when none does (<see cref="TierRule"/>).</summary>
    public static UsageTier? Choose(ModelSpec model, long peakRpm, long peakTpm, Usd spend)
    {
        ArgumentNullException.ThrowIfNull(model);
        var ladder = new List<TierVerdict>();
        foreach (var tier in model.Tiers)
        {
            ladder.Add(new TierVerdict(tier, Carries(tier, peakRpm, peakTpm), tier.Supported && tier.MonthlyUsageLimit >= spend));
        }

        return TierRule.Choose(ladder, spend).Recommended;
    }

    /// <summary>The lowest tier for the whole organization: a usage tier applies to every model at
    /// once, so each model's peak must fit that tier's RPM and TPM for that model, and the
    /// organization's whole monthly <paramref name="totalSpend"/> must fit its monthly usage limit
    /// (the limit caps total spend, not each model's). <see cref="TierChoice.Recommended"/> is null when no tier does.</summary>
    public static TierChoice ChooseForOrganization(IReadOnlyList<(ModelSpec Model, TierNeed Need)> models, Usd totalSpend)
    {
        ArgumentNullException.ThrowIfNull(models);
        var ladder = new List<TierVerdict>();
        if (models.Count > 0)
        {
            foreach (var candidate in models[0].Model.Tiers)
            {
                bool carries = true;
                string? reason = null;
                foreach (var (model, need) in models)
                {
                    bool fits = model.FindTier(candidate.Name) is { } tier && Carries(tier, need.PeakRpm, need.PeakTpm);
                    if (!fits && reason is null)
                    {
                        reason = $"{model.Id}'s peak of {need.PeakRpm:N0} RPM and {need.PeakTpm:N0} TPM is over its limits";
                    }

                    carries &= fits;
                }

                ladder.Add(new TierVerdict(candidate, carries, candidate.Supported && candidate.MonthlyUsageLimit >= totalSpend, reason));
            }
        }

        return TierRule.Choose(ladder, totalSpend);
    }

    private static bool Carries(UsageTier tier, long peakRpm, long peakTpm) =>
        tier is { Supported: true, Rpm: { } rpm, Tpm: { } tpm } && rpm.Value >= peakRpm && tpm.Value >= peakTpm;

    /// <summary>Above this many requests a minute the peak minute's charge is taken from its moments (Cornish-Fisher);
    /// at or below, simulated minute by minute: 200.</summary>
    internal const double SimulateChargeUpTo = 200;

    /// <summary>The <paramref name="quantile"/> of one minute's total TPM charge, streams arriving as Poisson processes
    /// at the given rates a minute, each request's charge drawn from its stream's distribution (a compound Poisson sum):
    /// with few requests a minute, 10,000 seeded simulated minutes; with many, the normal approximation with the exact
    /// compound mean and variance (sum of rate x E[C] and rate x E[C^2]) and a skewness correction (Cornish-Fisher,
    /// from rate x E[C^3]). The product of a peak count and the mean charge is low when charges are skewed.</summary>
    public static long PeakMinuteCharge(IReadOnlyList<(double PerMinute, TpmCharges Charges)> streams, double quantile)
    {
        ArgumentNullException.ThrowIfNull(streams);
        double rate = 0;
        double mean = 0;
        double variance = 0;
        double third = 0;
        foreach (var (perMinute, charges) in streams)
        {
            rate += perMinute;
            mean += perMinute * charges.Mean;
            variance += perMinute * charges.SecondMoment;
            third += perMinute * charges.ThirdMoment;
        }

        if (rate <= 0 || variance <= 0)
        {
            return (long)Math.Ceiling(mean);
        }

        // Every request charging the same: exactly the peak count times that charge.
        if (streams.All(s => s.Charges.SingleValue is { } c && c == streams[0].Charges.SingleValue))
        {
            return checked(PoissonQuantile(rate, quantile) * streams[0].Charges.SingleValue!.Value);
        }

        if (rate > SimulateChargeUpTo)
        {
            double sd = Math.Sqrt(variance);
            double skew = third / (variance * sd);
            double z = Normal.InvCDF(0, 1, quantile);
            return (long)Math.Ceiling(mean + (sd * (z + ((z * z) - 1) * skew / 6)));
        }

        const int minutes = 10_000;
        var random = new MathNet.Numerics.Random.Xoshiro256StarStar(ProjectionDefaults.Seed);
        var totals = new double[minutes];
        for (int i = 0; i < minutes; i++)
        {
            double total = 0;
            foreach (var (perMinute, charges) in streams)
            {
                int n = Poisson.Sample(random, perMinute);
                for (int k = 0; k < n; k++)
                {
                    total += charges.Sample(random);
                }
            }

            totals[i] = total;
        }

        Array.Sort(totals);
        return (long)Math.Ceiling(totals[Math.Min(minutes - 1, (int)Math.Ceiling(quantile * minutes) - 1)]);
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
