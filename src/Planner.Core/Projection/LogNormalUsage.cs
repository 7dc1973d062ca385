using MathNet.Numerics.Distributions;
using Planner.Core.Pricing;

namespace Planner.Core.Projection;

/// <summary>Each meter's tokens fitted separately (maximum likelihood): zero with the observed
/// probability of zero, else log-normal; meters are assumed independent.</summary>
public sealed class LogNormalUsage : UsageDistribution
{
    private readonly double[] _zeroShare = new double[MeterCount];
    private readonly double[] _mu = new double[MeterCount];
    private readonly double[] _sigma = new double[MeterCount];
    private readonly double[] _mean = new double[MeterCount];
    private readonly double[,] _covariance = new double[MeterCount, MeterCount];

    /// <summary>Fits each meter to the observed usages (at least one).</summary>
    public LogNormalUsage(IReadOnlyList<Usage> observed, double meanTpmCharge)
    {
        ArgumentNullException.ThrowIfNull(observed);
        if (observed.Count == 0)
        {
            throw new ArgumentException("at least one observed request is needed", nameof(observed));
        }

        for (int m = 0; m < MeterCount; m++)
        {
            var meter = (Catalog.Meter)m;
            long zeros = 0;
            double sumLog = 0;
            double sumLog2 = 0;
            foreach (var usage in observed)
            {
                long tokens = usage[meter].Value;
                if (tokens == 0)
                {
                    zeros++;
                    continue;
                }

                double log = Math.Log(tokens);
                sumLog += log;
                sumLog2 += log * log;
            }

            long positive = observed.Count - zeros;
            _zeroShare[m] = zeros / (double)observed.Count;
            if (positive > 0)
            {
                _mu[m] = sumLog / positive;
                _sigma[m] = Math.Sqrt(Math.Max(0, (sumLog2 / positive) - (_mu[m] * _mu[m])));
            }

            // Moments of the hurdle: p = 1 - zero share; E = p e^(mu + s^2/2); E[X^2] = p e^(2 mu + 2 s^2).
            double p = 1 - _zeroShare[m];
            double e1 = positive > 0 ? p * Math.Exp(_mu[m] + (_sigma[m] * _sigma[m] / 2)) : 0;
            double e2 = positive > 0 ? p * Math.Exp((2 * _mu[m]) + (2 * _sigma[m] * _sigma[m])) : 0;
            _mean[m] = e1;
            _covariance[m, m] = Math.Max(0, e2 - (e1 * e1));
        }

        MeanTpmCharge = meanTpmCharge;
    }

    public override IReadOnlyList<double> Mean => _mean;

    public override double[,] Covariance => (double[,])_covariance.Clone();

    public override double MeanTpmCharge { get; }

    public override string Description => "each meter fitted log-normal (with its share of zeros), meters independent";

    public override void AddSample(Random random, Span<long> totals)
    {
        ArgumentNullException.ThrowIfNull(random);
        for (int m = 0; m < MeterCount; m++)
        {
            if (_zeroShare[m] >= 1 || random.NextDouble() < _zeroShare[m])
            {
                continue;
            }

            double tokens = Math.Exp(_mu[m] + (_sigma[m] * Normal.Sample(random, 0, 1)));
            totals[m] = checked(totals[m] + (long)Math.Round(tokens));
        }
    }
}
