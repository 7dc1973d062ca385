using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using MathNet.Numerics.Statistics;
using Planner.Core.Units;

namespace Planner.Core.Projection;

public static partial class Projector
{
    private static List<TargetProjection> ProjectMonteCarlo(Plan plan, ProjectionOptions options)
    {
        int targets = plan.Targets.Count;
        int streams = plan.Streams.Count;
        int runs = options.Runs;
        var random = new Xoshiro256StarStar(options.Seed);
        var factors = Cholesky(plan);
        var tokens = new double[UsageDistribution.MeterCount];
        var counted = new long[UsageDistribution.MeterCount];
        var z = new double[UsageDistribution.MeterCount];
        var meanShift = new double[UsageDistribution.MeterCount];

        // [target][month][run] total cost, and [target][group][run] for the current month (for tiers).
        var totals = new double[targets][][];
        var results = new List<(List<MonthProjection> Months, List<SavingMonth> Savings)>();
        for (int t = 0; t < targets; t++)
        {
            totals[t] = new double[options.Months][];
            results.Add(([], []));
        }

        for (int month = 1; month <= options.Months; month++)
        {
            decimal exactFactor = options.TrafficFactor(month);
            double factor = (double)exactFactor;
            var byGroup = new double[targets][][];
            for (int t = 0; t < targets; t++)
            {
                totals[t][month - 1] = new double[runs];
                byGroup[t] = new double[plan.Groups[t].Count][];
                for (int g = 0; g < byGroup[t].Length; g++)
                {
                    byGroup[t][g] = new double[runs];
                }
            }

            // Common random numbers: every target prices the same simulated tokens, so savings are paired.
            for (int run = 0; run < runs; run++)
            {
                for (int s = 0; s < streams; s++)
                {
                    var draw = new RunDraw(options.Seed, s, run, meanShift);
                    SampleMonth(plan.Streams[s], factors[s], factor, (double)plan.Streams[s].ShareOf(month), options.AggregateAbove, random, tokens, counted, z, draw);
                    for (int t = 0; t < targets; t++)
                    {
                        var price = plan.DollarsPerToken[t][s];
                        double cost = 0;
                        for (int m = 0; m < UsageDistribution.MeterCount; m++)
                        {
                            cost += price[m] * tokens[m];
                        }

                        totals[t][month - 1][run] += cost;
                        byGroup[t][plan.GroupOf[t][s]][run] += cost;
                    }
                }
            }

            decimal requests = 0m;
            foreach (var stream in plan.Streams)
            {
                requests += ProjectionDefaults.DaysPerMonth * stream.Arrivals.MeanPerDay * exactFactor * stream.ShareOf(month);
            }

            for (int t = 0; t < targets; t++)
            {
                var groupSpend = new Usd[byGroup[t].Length];
                for (int g = 0; g < groupSpend.Length; g++)
                {
                    Array.Sort(byGroup[t][g]);
                    groupSpend[g] = Cents(SortedArrayStatistics.Quantile(byGroup[t][g], ProjectionDefaults.SpendQuantile));
                }

                var needs = Tiers(plan, t, factor, month, g => groupSpend[g]);
                var summary = Summarize(month, exactFactor, requests, totals[t][month - 1], options.Budget, needs);
                results[t].Months.Add(summary with
                {
                    OrganizationChoice = OrganizationTier(plan, t, needs, summary.P99),
                    OrganizationSpend = summary.P99,
                });
                if (t > 0)
                {
                    var saving = new double[runs];
                    for (int run = 0; run < runs; run++)
                    {
                        saving[run] = totals[0][month - 1][run] - totals[t][month - 1][run];
                    }

                    var d = Distribution(saving);
                    results[t].Savings.Add(new SavingMonth(month, d.Mean, d.P10, d.P50, d.P90));
                }
            }
        }

        var projections = new List<TargetProjection>();
        for (int t = 0; t < targets; t++)
        {
            projections.Add(new TargetProjection(plan.Targets[t], results[t].Months, results[t].Savings) { Total = Horizon(totals[t], runs) });
        }

        return projections;
    }

    /// <summary>The horizon's total: each run's months summed, then summarised (the month arrays stay in run order).</summary>
    private static HorizonTotal Horizon(double[][] byMonth, int runs)
    {
        var sums = new double[runs];
        foreach (var month in byMonth)
        {
            for (int run = 0; run < runs; run++)
            {
                sums[run] += month[run];
            }
        }

        var d = Distribution(sums);
        return new HorizonTotal(byMonth.Length, d.Mean, d.P10, d.P50, d.P90, d.P99, IsExact: false);
    }

    /// <summary>Mean and percentiles (MathNet's R-8) of simulated dollars, each rounded to the cent.
    /// Sorts <paramref name="values"/> in place: pass a copy where run order still matters.</summary>
    private static (Usd Mean, Usd P10, Usd P50, Usd P90, Usd P99) Distribution(double[] values)
    {
        double mean = values.Mean();
        Array.Sort(values);
        return (Cents(mean), Cents(SortedArrayStatistics.Quantile(values, 0.10)), Cents(SortedArrayStatistics.Quantile(values, 0.50)),
            Cents(SortedArrayStatistics.Quantile(values, 0.90)), Cents(SortedArrayStatistics.Quantile(values, 0.99)));
    }
    private static MonthProjection Summarize(int month, decimal factor, decimal requests, double[] costs, Usd? budget, List<TierNeed> tiers)
    {
        double sd = costs.Length > 1 ? costs.StandardDeviation() : 0;
        double? exceeds = null;
        if (budget is { } b)
        {
            double limit = (double)b.Value;
            long over = 0;
            foreach (double cost in costs)
            {
                if (cost > limit)
                {
                    over++;
                }
            }

            exceeds = over / (double)costs.Length;
        }

        // A copy: the month's costs stay in run order for the savings and the horizon total.
        var d = Distribution((double[])costs.Clone());
        return new MonthProjection
        {
            Month = month,
            TrafficFactor = factor,
            ExpectedRequests = requests,
            Mean = d.Mean,
            P10 = d.P10,
            P50 = d.P50,
            P90 = d.P90,
            P99 = d.P99,
            StandardError = Cents(sd / Math.Sqrt(costs.Length)),
            ExceedsBudgetProbability = exceeds,
            Tiers = tiers,
            IsExact = false,
        };
    }

    /// <summary>The largest monthly mean drawn from MathNet's Poisson sampler; above it, the normal approximation.</summary>
    internal const double PoissonSamplerMaxMean = 100_000;

    /// <summary>Draws one month of one stream's token totals into <paramref name="tokens"/>. <c>factor</c> is the month's
    /// growth factor (it scales each day's mean and spread); <c>share</c> is the share of the month's days the stream runs
    /// (below 1 in a month a shutdown splits): the stream has that many days, so its mean and its day-to-day variance
    /// both scale by it, and its daily SD does not.</summary>
    private static void SampleMonth(WorkloadStream stream, double[,] cholesky, double factor, double share, long aggregateAbove, Random random,
        double[] tokens, long[] counted, double[] z, RunDraw draw)
    {
        var arrivals = stream.Arrivals;
        double days = ProjectionDefaults.DaysPerMonth * share;
        double mean = days * (double)arrivals.MeanPerDay * factor;
        double tokenSamples = 0;
        double count;
        if (stream.Evidence is { } evidence)
        {
            // Parameter uncertainty: one draw per run (every month of a run shares it), from a generator seeded by
            // (seed, stream, run) so the months agree without storing a draw per run.
            var parameters = new Xoshiro256StarStar(draw.Seed);
            evidence.Draw(parameters, out double rateMultiplier, out double spread);
            for (int m = 0; m < draw.MeanShift.Length; m++)
            {
                draw.MeanShift[m] = Normal.Sample(parameters, 0, 1);
            }

            tokenSamples = evidence.TokenSamples;
            count = TraceEvidence.MonthCount(mean * rateMultiplier, spread, days, random);
            SampleTokens(stream.Usage, cholesky, count, aggregateAbove, random, tokens, counted, z);

            // The learned mean tokens per request are off by the sampling error of the requests they came from:
            // shift the month's totals by count x L z / sqrt(samples), z the run's standard normals.
            if (stream.Usage.ExactUsage is null)
            {
                double scale = count / Math.Sqrt(tokenSamples);
                for (int a = 0; a < tokens.Length; a++)
                {
                    double shift = 0;
                    for (int b = 0; b <= a; b++)
                    {
                        shift += cholesky[a, b] * draw.MeanShift[b];
                    }

                    tokens[a] = Math.Max(0, tokens[a] + (scale * shift));
                }
            }

            return;
        }

        count = arrivals.Kind switch
        {
            ArrivalKind.Fixed => mean,

            ArrivalKind.Spread => SpreadMonth(mean, (double)arrivals.SdPerDay * factor, random, days),

            // A month of a Poisson process is Poisson. Above a mean of 100,000 its normal approximation is used
            // (skewness 1/sqrt(mean) < 0.0032, below what 10,000 runs can resolve) with the same mean and variance.
            // A mean of 0 (--scale 0) is no requests: MathNet's sampler refuses a Poisson of mean 0.
            _ => mean <= 0 ? 0 : mean <= PoissonSamplerMaxMean ? Poisson.Sample(random, mean) : Math.Max(0, Math.Round(Normal.Sample(random, mean, Math.Sqrt(mean)))),
        };

        SampleTokens(stream.Usage, cholesky, count, aggregateAbove, random, tokens, counted, z);
    }

    /// <summary>One run's seed for a stream's parameter draw, and a buffer for its mean-token shift.</summary>
    private readonly record struct RunDraw(int BaseSeed, int Stream, int Run, double[] MeanShift)
    {
        public int Seed => unchecked((int)(((uint)BaseSeed * 2_654_435_761u) ^ ((uint)Stream * 40_503u) ^ ((uint)Run * 2_246_822_519u)));
    }

    /// <summary>The tokens of <paramref name="count"/> requests into <paramref name="tokens"/>.</summary>
    private static void SampleTokens(UsageDistribution usage, double[,] cholesky, double count, long aggregateAbove, Random random,
        double[] tokens, long[] counted, double[] z)
    {
        var mu = usage.Mean;
        if (usage.ExactUsage is not null)
        {
            for (int m = 0; m < tokens.Length; m++)
            {
                tokens[m] = count * mu[m];
            }

            return;
        }

        double whole = Math.Round(count);
        if (whole <= aggregateAbove)
        {
            Array.Clear(counted);
            for (long i = 0; i < (long)whole; i++)
            {
                usage.AddSample(random, counted);
            }

            for (int m = 0; m < tokens.Length; m++)
            {
                tokens[m] = counted[m];
            }

            return;
        }

        // Aggregate: the totals of n requests have mean n mu and covariance n Sigma; draw them as one
        // multivariate normal (central limit), n x faster than request by request.
        double root = Math.Sqrt(whole);
        for (int m = 0; m < z.Length; m++)
        {
            z[m] = Normal.Sample(random, 0, 1);
        }

        for (int a = 0; a < tokens.Length; a++)
        {
            double noise = 0;
            for (int b = 0; b <= a; b++)
            {
                noise += cholesky[a, b] * z[b];
            }

            tokens[a] = Math.Max(0, (whole * mu[a]) + (root * noise));
        }
    }

    /// <summary>A month of <paramref name="days"/> independent days (30 unless a shutdown splits the month) of mean
    /// <paramref name="mean"/>/days and standard deviation <paramref name="sdPerDay"/>: exactly mean
    /// <paramref name="mean"/> and variance days x sd^2.</summary>
    /// <remarks>Drawn from the gamma distribution with those two moments rather than a normal: a count cannot be
    /// negative, and clipping a normal at 0 inflates the mean (with a daily SD of 10x the mean, a normal clipped at 0
    /// more than doubles it), while the gamma keeps the mean the user gave and tends to the normal as the spread shrinks.</remarks>
    internal static double SpreadMonth(double mean, double sdPerDay, Random random, double days = ProjectionDefaults.DaysPerMonth)
    {
        double variance = days * sdPerDay * sdPerDay;
        if (mean <= 0 || variance <= 0)
        {
            // A non-negative count with mean 0 is always 0; with no variance it is its mean.
            return Math.Max(0, mean);
        }

        double shape = mean * mean / variance;
        double rate = mean / variance;
        if (!double.IsFinite(variance) || !double.IsFinite(shape) || !(shape > 0) || !(rate > 0) || !double.IsFinite(rate))
        {
            throw new OverflowException("the monthly spread of requests is beyond what can be sampled");
        }

        double count = Gamma.Sample(random, shape, rate);
        return double.IsFinite(count) ? count : throw new OverflowException("a sampled month of requests is not finite");
    }

    private static double[][,] Cholesky(Plan plan)
    {
        var result = new double[plan.Streams.Count][,];
        for (int s = 0; s < result.Length; s++)
        {
            result[s] = Cholesky(plan.Streams[s].Usage.Covariance);
        }

        return result;
    }

    /// <summary>The lower-triangular L with L L^T = <paramref name="covariance"/>; a covariance that is only
    /// semi-definite (a constant meter, or meters moving together) gets zero columns where a pivot vanishes.</summary>
    internal static double[,] Cholesky(double[,] covariance)
    {
        int n = covariance.GetLength(0);
        var l = new double[n, n];
        for (int j = 0; j < n; j++)
        {
            double diagonal = covariance[j, j];
            for (int k = 0; k < j; k++)
            {
                diagonal -= l[j, k] * l[j, k];
            }

            double scale = Math.Max(1e-12, Math.Abs(covariance[j, j]));
            if (diagonal <= 1e-9 * scale)
            {
                continue;
            }

            l[j, j] = Math.Sqrt(diagonal);
            for (int i = j + 1; i < n; i++)
            {
                double sum = covariance[i, j];
                for (int k = 0; k < j; k++)
                {
                    sum -= l[i, k] * l[j, k];
                }

                l[i, j] = sum / l[j, j];
            }
        }

        return l;
    }

    private static Usd Cents(double dollars) =>
        double.IsFinite(dollars) ? Usd.FromDollars(Math.Round((decimal)dollars, 2, MidpointRounding.AwayFromZero)) : throw new OverflowException("a simulated cost is not finite");
}
