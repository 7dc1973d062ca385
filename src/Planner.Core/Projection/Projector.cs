using System.Globalization;
using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Units;

namespace Planner.Core.Projection;

/// <summary>Projects a workload's monthly cost over a horizon: exactly when nothing is random,
/// else by seeded Monte Carlo.</summary>
public static partial class Projector
{
    /// <summary>Projects <paramref name="workload"/> on each target with the prices in effect at <paramref name="pricesAt"/>.</summary>
    /// <exception cref="PlannerException">Invalid options or rates, or a model without a price at that time.</exception>
    public static ProjectionResult Project(Workload workload, IReadOnlyList<ProjectionTarget> targets, ProjectionOptions options, DateTimeOffset pricesAt)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (workload.Streams.Count == 0)
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument, "the workload has no requests to project");
        }

        if (targets.Count == 0)
        {
            throw new ArgumentException("at least one target is needed", nameof(targets));
        }

        if ((long)options.Runs * options.Months * targets.Count > 50_000_000)
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument, "runs",
                $"runs x months x models must be at most 50,000,000, got {options.Runs:N0} x {options.Months:N0} x {targets.Count}");
        }

        foreach (var stream in workload.Streams)
        {
            stream.Arrivals.Validate();
        }

        var plan = new Plan(workload, targets, pricesAt);
        List<TargetProjection> result;
        try
        {
            result = workload.IsExact ? ProjectExact(plan, options) : ProjectMonteCarlo(plan, options);
        }
        catch (OverflowException)
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument, "months",
                "the projected traffic or cost grows beyond what can be computed; shorten months, lower growth or scale");
        }

        return new ProjectionResult(result, options, workload.IsExact, Assumptions(workload, options)) { Warnings = workload.Warnings };
    }

    private static List<ProjectionAssumption> Assumptions(Workload workload, ProjectionOptions options)
    {
        var list = new List<ProjectionAssumption>
        {
            new("days_per_month", ProjectionDefaults.DaysPerMonth.ToString(CultureInfo.InvariantCulture), "a month is 30 days"),
            new("growth_percent_per_month", Number(options.GrowthPercent), "month k's traffic is base x scale x (1 + growth)^(k-1)"),
            new("scale", Number(options.Scale), "multiplies all traffic"),
            new("peak_traffic", "P99 minute of Poisson arrivals in the busiest hour",
                "requests arrive as a Poisson process; peak TPM is the P99 of a minute's total charge (input + max_tokens, else input + output), a compound Poisson sum over the observed charges"),
            new("tier", "lowest tier covering peak RPM, peak TPM and monthly spend",
                "spend is the month's exact cost, or its 99th percentile when uncertain, against the tier's monthly usage limit"),
        };
        foreach (string note in workload.Notes)
        {
            list.Add(new("workload", note, "how the workload was obtained"));
        }

        if (workload.IsExact)
        {
            list.Add(new("precision", "exact", "no spread was given, so every figure is the exact decimal cost (mean = P10 = P50 = P90 = P99)"));
            return list;
        }

        list.Add(new("precision", $"Monte Carlo, {options.Runs.ToString("N0", CultureInfo.InvariantCulture)} runs, seed {options.Seed.ToString(CultureInfo.InvariantCulture)}",
            "statistics are computed in doubles and money is rounded to the cent; percentiles interpolate between runs"));
        list.Add(new("aggregate_sampling", $"above {options.AggregateAbove.ToString("N0", CultureInfo.InvariantCulture)} requests a month",
            "such months draw each stream's token totals at once from their exact mean and covariance (normal approximation); smaller months draw request by request"));
        foreach (var stream in workload.Streams)
        {
            list.Add(new("stream", stream.Model.Model.Id, Describe(stream.Arrivals) + "; usage " + stream.Usage.Description
                + (stream.Evidence is { } evidence ? "; " + evidence.Description : "")));
        }

        return list;
    }

    private static string Number(decimal value) => (value / 1.000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static string Describe(Arrivals arrivals) => arrivals.Kind switch
    {
        ArrivalKind.Fixed => $"exactly {arrivals.MeanPerDay.ToString("#,0.###", CultureInfo.InvariantCulture)} requests a day",
        ArrivalKind.Spread => $"{arrivals.MeanPerDay.ToString("#,0.###", CultureInfo.InvariantCulture)} requests a day with a daily SD of {arrivals.SdPerDay.ToString("#,0.######", CultureInfo.InvariantCulture)}, days independent; a month's count is gamma with mean 30x and variance 30x the day's",
        _ => $"Poisson arrivals, {arrivals.MeanPerDay.ToString("#,0.###", CultureInfo.InvariantCulture)} requests a day on average",
    };

    private static List<TargetProjection> ProjectExact(Plan plan, ProjectionOptions options)
    {
        var results = new List<TargetProjection>();
        var firstTotals = new List<Usd>();
        for (int t = 0; t < plan.Targets.Count; t++)
        {
            var months = new List<MonthProjection>();
            var savings = new List<SavingMonth>();
            for (int month = 1; month <= options.Months; month++)
            {
                decimal factor = options.TrafficFactor(month);
                var groupCost = new Usd[plan.Groups[t].Count];
                decimal requests = 0m;
                for (int s = 0; s < plan.Streams.Count; s++)
                {
                    var stream = plan.Streams[s];
                    decimal count = ProjectionDefaults.DaysPerMonth * stream.Arrivals.MeanPerDay * factor * stream.ShareOf(month);
                    requests += count;
                    var perRequest = plan.Sheets[t][s].Price(stream.Usage.ExactUsage!.Value).Total;
                    groupCost[plan.GroupOf[t][s]] += perRequest * count;
                }

                var total = Usd.Zero;
                foreach (var cost in groupCost)
                {
                    total += cost;
                }

                if (t == 0)
                {
                    firstTotals.Add(total);
                }
                else
                {
                    var saving = firstTotals[month - 1] - total;
                    savings.Add(new SavingMonth(month, saving, saving, saving, saving));
                }

                var needs = Tiers(plan, t, (double)factor, month, g => groupCost[g]);
                months.Add(new MonthProjection
                {
                    Month = month,
                    TrafficFactor = factor,
                    ExpectedRequests = requests,
                    Mean = total,
                    P10 = total,
                    P50 = total,
                    P90 = total,
                    P99 = total,
                    StandardError = Usd.Zero,
                    ExceedsBudgetProbability = options.Budget is { } budget ? (total > budget ? 1.0 : 0.0) : null,
                    Tiers = needs,
                    OrganizationChoice = OrganizationTier(plan, t, needs, total),
                    OrganizationSpend = total,
                    IsExact = true,
                });
            }

            var sum = Usd.Zero;
            foreach (var m in months)
            {
                sum += m.Mean;
            }

            results.Add(new TargetProjection(plan.Targets[t], months, savings) { Total = new HorizonTotal(months.Count, sum, sum, sum, sum, sum, IsExact: true) });
        }

        return results;
    }

    /// <summary>The one tier for the organization (see <see cref="TierAdvisor.ChooseForOrganization"/>).</summary>
    private static TierChoice OrganizationTier(Plan plan, int t, List<TierNeed> needs, Usd totalSpend) =>
        TierAdvisor.ChooseForOrganization([.. needs.Select((need, g) => (plan.Groups[t][g], need))], totalSpend);

    private static List<TierNeed> Tiers(Plan plan, int t, double factor, int month, Func<int, Usd> spendOfGroup)
    {
        var needs = new List<TierNeed>();
        for (int g = 0; g < plan.Groups[t].Count; g++)
        {
            double perMinute = 0;
            var charges = new List<(double PerMinute, TpmCharges Charges)>();
            for (int s = 0; s < plan.Streams.Count; s++)
            {
                if (plan.GroupOf[t][s] != g)
                {
                    continue;
                }

                var stream = plan.Streams[s];
                double rate = (double)stream.Arrivals.MeanPerDay * factor * (double)stream.ShareOf(month) * stream.Arrivals.BusiestHourShare / 60.0 * stream.Usage.RequestsPerUnit;
                perMinute += rate;
                charges.Add((rate, stream.Usage.Charges ?? TpmCharges.Constant((long)Math.Ceiling(stream.Usage.MeanTpmCharge))));
            }

            long peakRpm = TierAdvisor.PoissonQuantile(perMinute, ProjectionDefaults.PeakQuantile);

            // The peak minute's TPM is the quantile of a minute's total charge (a compound sum), not the peak count
            // times the mean charge, which reads 11-15% low when charges are skewed.
            long peakTpm = TierAdvisor.PeakMinuteCharge(charges, ProjectionDefaults.PeakQuantile);
            var model = plan.Groups[t][g];
            var spend = spendOfGroup(g);
            needs.Add(new TierNeed(model.Id, peakRpm, peakTpm, spend, TierAdvisor.Choose(model, peakRpm, peakTpm, spend)));
        }

        return needs;
    }

    /// <summary>The workload compiled against its targets: price sheets and model groups.</summary>
    private sealed class Plan
    {
        public Plan(Workload workload, IReadOnlyList<ProjectionTarget> targets, DateTimeOffset pricesAt)
        {
            Streams = workload.Streams;
            Targets = targets;
            foreach (var target in targets)
            {
                var sheets = new PriceSheet[Streams.Count];
                var rates = new double[Streams.Count][];
                var groupOf = new int[Streams.Count];
                var groups = new List<ModelSpec>();
                for (int s = 0; s < Streams.Count; s++)
                {
                    var model = target.Model ?? Streams[s].Model;
                    var prices = PricingEngine.PricesAt(model, pricesAt);
                    sheets[s] = new PriceSheet(prices, model.BillingId);
                    EnsurePriced(sheets[s], model, Streams[s].Usage);
                    rates[s] = new double[UsageDistribution.MeterCount];
                    for (int m = 0; m < UsageDistribution.MeterCount; m++)
                    {
                        rates[s][m] = sheets[s].PicodollarsPerToken((Meter)m) * 1e-12;
                    }
                    int g = groups.FindIndex(m => m.Id == model.Model.Id);
                    if (g < 0)
                    {
                        groups.Add(model.Model);
                        g = groups.Count - 1;
                    }

                    groupOf[s] = g;
                }

                Sheets.Add(sheets);
                DollarsPerToken.Add(rates);
                GroupOf.Add(groupOf);
                Groups.Add(groups);
            }
        }

        public IReadOnlyList<WorkloadStream> Streams { get; }
        public IReadOnlyList<ProjectionTarget> Targets { get; }

        /// <summary>A stream whose requests use a meter the target model does not price cannot be projected.</summary>
        private static void EnsurePriced(PriceSheet sheet, ResolvedModel model, UsageDistribution usage)
        {
            for (int m = 0; m < UsageDistribution.MeterCount; m++)
            {
                if (((sheet.UnpricedMask >> m) & 1) != 0 && usage.Mean[m] > 0)
                {
                    throw new PlannerException(PlannerErrorKind.UnpricedMeter, PriceSheet.Describe(model.BillingId, (Meter)m, (long)Math.Ceiling(usage.Mean[m])) + " on average");
                }
            }
        }

        /// <summary>[target][stream] the price sheet the stream is billed at.</summary>
        public List<PriceSheet[]> Sheets { get; } = [];

        /// <summary>[target][stream][meter] USD per token, for Monte Carlo sums.</summary>
        public List<double[][]> DollarsPerToken { get; } = [];

        /// <summary>[target][stream] the index of the stream's model among the target's models.</summary>
        public List<int[]> GroupOf { get; } = [];

        /// <summary>[target] the distinct models billed.</summary>
        public List<List<ModelSpec>> Groups { get; } = [];
    }
}
