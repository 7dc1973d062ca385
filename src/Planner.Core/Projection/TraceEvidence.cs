using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Planner.Core.Projection;

/// <summary>What a learned stream rests on: its requests counted in day-long windows, the posterior
/// over its daily rate and its day-to-day spread, and the requests its tokens were learned from.
/// A projection draws the rate, the spread and the mean tokens once per run from this posterior, so
/// the intervals carry the uncertainty of learning a workload from a short trace
/// (docs/projection-method.md).</summary>
public sealed class TraceEvidence
{
    private const int GridSize = 64;
    private const double GridMin = 0.005;
    private const double GridMax = 1.5;
    private readonly double[] _spread = new double[GridSize];
    private readonly double[] _cumulative = new double[GridSize];
    private readonly double _meanPerWindow;

    private TraceEvidence(IReadOnlyList<long> windowCounts, long tokenSamples, DailySpreadPrior prior)
    {
        Windows = windowCounts.Count;
        Prior = prior;
        TokenSamples = tokenSamples;
        long requests = 0;
        foreach (long n in windowCounts)
        {
            requests += n;
        }

        Requests = requests;
        _meanPerWindow = requests / (double)Windows;
        double squares = 0;
        foreach (long n in windowCounts)
        {
            squares += (n - _meanPerWindow) * (n - _meanPerWindow);
        }

        if (Windows >= 2 && _meanPerWindow > 0)
        {
            // Method of moments: the window counts' variance is Poisson (mean) plus the rate's (spread^2 mean^2).
            double excess = (squares / (Windows - 1)) - _meanPerWindow;
            ObservedSpread = Math.Sqrt(Math.Max(0, excess)) / _meanPerWindow;
        }

        // Posterior over the spread on a log grid: the prior times the restricted (REML) likelihood of the window
        // counts, normal with variance mean + spread^2 mean^2 and the mean integrated out; flat for one window.
        double logStep = Math.Log(GridMax / GridMin) / (GridSize - 1);
        var logWeight = new double[GridSize];
        double best = double.NegativeInfinity;
        for (int i = 0; i < GridSize; i++)
        {
            double spread = GridMin * Math.Exp(i * logStep);
            _spread[i] = spread;
            double z = (Math.Log(spread) - Math.Log(prior.Median)) / prior.LogSd;
            // With enough windows the data speak and the prior is vague (flat in log spread over the grid): an informative
            // prior there pulls a spread-out workload's spread towards its median and under-covers (74% instead of 80% on
            // a week at 60%, measured by ProjectionCalibrationTests).
            double logPrior = Windows >= ProjectionDefaults.DaysToLearnSpread ? 0 : -0.5 * z * z;
            double variance = Math.Max(1e-12, _meanPerWindow + (spread * spread * _meanPerWindow * _meanPerWindow));
            double logLikelihood = Windows >= 2 ? (-0.5 * (Windows - 1) * Math.Log(variance)) - (squares / (2 * variance)) : 0;
            logWeight[i] = logPrior + logLikelihood;
            best = Math.Max(best, logWeight[i]);
        }

        double total = 0;
        for (int i = 0; i < GridSize; i++)
        {
            total += Math.Exp(logWeight[i] - best);
            _cumulative[i] = total;
        }

        for (int i = 0; i < GridSize; i++)
        {
            _cumulative[i] /= total;
        }

        PosteriorMedianSpread = _spread[Array.FindIndex(_cumulative, c => c >= 0.5)];
    }

    /// <summary>Day-long windows the trace was counted in (at least 1).</summary>
    public int Windows { get; }

    /// <summary>Requests counted.</summary>
    public long Requests { get; }

    /// <summary>Requests the per-request tokens were learned from.</summary>
    public long TokenSamples { get; }

    /// <summary>The prior over the day-to-day spread.</summary>
    public DailySpreadPrior Prior { get; }

    /// <summary>The day-to-day coefficient of variation of the rate the windows show (method of moments, the
    /// Poisson part removed), or null with fewer than two windows.</summary>
    public double? ObservedSpread { get; }

    /// <summary>The posterior median of the day-to-day coefficient of variation.</summary>
    public double PosteriorMedianSpread { get; }

    /// <summary>True when the windows are too few for the data to outweigh the prior on the spread
    /// (fewer than <see cref="ProjectionDefaults.DaysToLearnSpread"/>).</summary>
    public bool SpreadRestsOnPrior => Windows < ProjectionDefaults.DaysToLearnSpread;

    /// <summary>Builds the evidence from requests counted in consecutive windows of equal length (about a day each).</summary>
    /// <param name="windowCounts">Requests in each window (at least one window).</param>
    /// <param name="tokenSamples">Requests the tokens were learned from (at least 1).</param>
    /// <param name="prior">The prior over the day-to-day spread.</param>
    public static TraceEvidence FromWindowCounts(IReadOnlyList<long> windowCounts, long tokenSamples, DailySpreadPrior prior)
    {
        ArgumentNullException.ThrowIfNull(windowCounts);
        ArgumentNullException.ThrowIfNull(prior);
        ArgumentOutOfRangeException.ThrowIfZero(windowCounts.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(tokenSamples, 1);
        return new TraceEvidence(windowCounts, tokenSamples, prior);
    }

    /// <summary>How the evidence reads, for the assumptions list.</summary>
    public string Description
    {
        get
        {
            string observed = ObservedSpread is { } o ? Percent(o) : "not measurable from one window";
            return $"{Requests.ToString("N0", CultureInfo.InvariantCulture)} requests in {Windows.ToString(CultureInfo.InvariantCulture)} day-long window(s); "
                + $"day-to-day spread observed {observed}, posterior median {Percent(PosteriorMedianSpread)} (prior median {Percent(Prior.Median)}); "
                + "each run draws the daily rate, the spread and the mean tokens from their posterior";
        }
    }

    /// <summary>Draws one run's parameters: the daily rate's multiplier (mean 1) and the day-to-day spread.</summary>
    internal void Draw(Random random, out double rateMultiplier, out double spread)
    {
        double u = random.NextDouble();
        int i = 0;
        while (i < GridSize - 1 && _cumulative[i] < u)
        {
            i++;
        }

        spread = _spread[i];

        // Given the spread, the windows' mean is the rate times a gamma of mean 1 and shape windows/spread^2 (the mean of
        // that many day factors), times Poisson noise. Under the scale-invariant prior (1/rate) the rate is the mean
        // divided by that gamma: exactly calibrated for the day factors, and with the right-skewed tail a short trace
        // of a spread-out workload has. The Poisson part: a gamma of shape and rate requests + 1/2 (Jeffreys).
        // Scaled so the multiplier's mean is 1 (where it has one, shape > 1): the trace's rate is an unbiased estimate of
        // the rate, and the projected mean stays the trace's.
        double poisson = Requests + 0.5;
        // The shape is kept at 2 or more: below, the inverse gamma has no mean (a spread over 100% from one day), and a
        // few runs would dominate the projected mean.
        double dayShape = Math.Max(2, Windows / (spread * spread));
        double unbiased = (dayShape - 1) / dayShape;
        rateMultiplier = unbiased * Gamma.Sample(random, poisson, poisson) / Gamma.Sample(random, dayShape, dayShape);
    }

    /// <summary>A month's request count: <paramref name="days"/> days (30 unless a shutdown splits the month), each
    /// with a gamma-distributed rate of mean <paramref name="monthMean"/>/days and coefficient of variation <paramref name="spread"/>, Poisson within the day.</summary>
    internal static double MonthCount(double monthMean, double spread, double days, Random random)
    {
        if (monthMean <= 0)
        {
            return 0;
        }

        double dailyShape = 1 / (spread * spread);
        double shape = days * dailyShape;
        double rate = dailyShape * days / monthMean;
        double lambda = Gamma.Sample(random, shape, rate);
        if (!double.IsFinite(lambda))
        {
            throw new OverflowException("a sampled month of requests is not finite");
        }

        return lambda <= Projector.PoissonSamplerMaxMean
            ? Poisson.Sample(random, lambda)
            : Math.Max(0, Math.Round(Normal.Sample(random, lambda, Math.Sqrt(lambda))));
    }

    private static string Percent(double value) => value.ToString("0.#%", CultureInfo.InvariantCulture);
}
