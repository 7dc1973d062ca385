using Planner.Core.Pricing;

namespace Planner.Core.Projection;

/// <summary>Requests resampled (with replacement) from observed ones; keeps the correlation between meters.</summary>
public sealed class EmpiricalUsage : UsageDistribution
{
    private readonly long[][] _samples;
    private readonly double[] _mean;
    private readonly double[,] _covariance;

    /// <summary>Creates the distribution from observed usages (at least one) and their mean TPM charge.</summary>
    public EmpiricalUsage(IReadOnlyList<Usage> observed, double meanTpmCharge)
    {
        ArgumentNullException.ThrowIfNull(observed);
        if (observed.Count == 0)
        {
            throw new ArgumentException("at least one observed request is needed", nameof(observed));
        }

        _samples = new long[observed.Count][];
        for (int i = 0; i < observed.Count; i++)
        {
            _samples[i] = Meters(observed[i]);
        }

        _mean = new double[MeterCount];
        foreach (var s in _samples)
        {
            for (int m = 0; m < MeterCount; m++)
            {
                _mean[m] += s[m];
            }
        }

        for (int m = 0; m < MeterCount; m++)
        {
            _mean[m] /= _samples.Length;
        }

        // Population covariance: resampling draws from exactly this empirical distribution.
        _covariance = new double[MeterCount, MeterCount];
        foreach (var s in _samples)
        {
            for (int a = 0; a < MeterCount; a++)
            {
                for (int b = 0; b < MeterCount; b++)
                {
                    _covariance[a, b] += (s[a] - _mean[a]) * (s[b] - _mean[b]);
                }
            }
        }

        for (int a = 0; a < MeterCount; a++)
        {
            for (int b = 0; b < MeterCount; b++)
            {
                _covariance[a, b] /= _samples.Length;
            }
        }

        MeanTpmCharge = meanTpmCharge;
    }

    /// <summary>How many requests are resampled from.</summary>
    public int Count => _samples.Length;

    public override IReadOnlyList<double> Mean => _mean;

    public override double[,] Covariance => (double[,])_covariance.Clone();

    public override double MeanTpmCharge { get; }

    public override string Description => $"resampled from {_samples.Length:N0} observed requests";

    public override void AddSample(Random random, Span<long> totals)
    {
        ArgumentNullException.ThrowIfNull(random);
        var s = _samples[random.Next(_samples.Length)];
        for (int m = 0; m < MeterCount; m++)
        {
            totals[m] = checked(totals[m] + s[m]);
        }
    }
}
