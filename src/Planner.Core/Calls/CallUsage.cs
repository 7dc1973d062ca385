using System.Globalization;
using MathNet.Numerics.Distributions;
using Planner.Core.Pricing;
using Planner.Core.Projection;

namespace Planner.Core.Calls;

/// <summary>A call as the unit of a projection: one draw is one whole call (all its Responses), whose number of turns is
/// fixed or follows a log-normal distribution of call lengths.</summary>
/// <remarks>A call of n turns uses the first n turns of one walk of the longest call (turn k does not depend on how many
/// turns follow it), so every length shares one table of prefix sums. With log-normal minutes, P(n turns) is the
/// probability that the call's length falls in the n-th turn's span (turns = ceiling(minutes x 60 x talk share / turn
/// seconds), at least 1), cut where the tail beyond is below 1e-9 and renormalised; the mean and covariance are exact
/// sums over that distribution, so aggregate sampling keeps the projection's calibration.</remarks>
public sealed class CallUsage : UsageDistribution
{
    /// <summary>The tail probability left out of a log-normal distribution of turns: 1e-9.</summary>
    public const double TailCut = 1e-9;

    private readonly long[][] _prefix;
    private readonly double[] _cumulative;
    private readonly int _first;
    private readonly double[] _mean = new double[MeterCount];
    private readonly double[,] _covariance = new double[MeterCount, MeterCount];
    private readonly Usage? _exact;

    private CallUsage(CallPlan longest, double[] probability, string description)
    {
        // probability[i] is P(i + 1 turns); prefix[i] the tokens of a call of i + 1 turns.
        _prefix = new long[probability.Length][];
        var usage = Usage.Zero;
        double charge = 0;
        double sumCharge = 0;
        double meanTurns = 0;
        for (int i = 0; i < probability.Length; i++)
        {
            usage += longest.Turns[i].Usage;
            charge += longest.Turns[i].TpmCharge.Value;
            _prefix[i] = Meters(usage);
            sumCharge += probability[i] * charge;
            meanTurns += probability[i] * (i + 1);
        }

        _cumulative = new double[probability.Length];
        double running = 0;
        _first = -1;
        for (int i = 0; i < probability.Length; i++)
        {
            running += probability[i];
            _cumulative[i] = running;
            if (_first < 0 && probability[i] > 0)
            {
                _first = i;
            }

            for (int a = 0; a < MeterCount; a++)
            {
                _mean[a] += probability[i] * _prefix[i][a];
            }
        }

        for (int i = 0; i < probability.Length; i++)
        {
            for (int a = 0; a < MeterCount; a++)
            {
                for (int b = 0; b < MeterCount; b++)
                {
                    _covariance[a, b] += probability[i] * (_prefix[i][a] - _mean[a]) * (_prefix[i][b] - _mean[b]);
                }
            }
        }

        MeanTurns = meanTurns;
        RequestsPerUnit = meanTurns;
        MeanTpmCharge = meanTurns > 0 ? sumCharge / meanTurns : 0;
        Description = description;
        Plan = longest;
        if (probability.Length > 0 && probability[^1] == 1.0)
        {
            _exact = usage;
        }
    }

    /// <summary>Every call exactly like <paramref name="plan"/>.</summary>
    public static CallUsage Fixed(CallPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var probability = new double[plan.Turns.Count];
        probability[^1] = 1.0;
        return new CallUsage(plan, probability, $"every call the same: {plan.Turns.Count.ToString("N0", CultureInfo.InvariantCulture)} turns on {plan.ModelId}");
    }

    /// <summary>Calls whose length in minutes is log-normal with mean <paramref name="meanMinutes"/> and standard deviation
    /// <paramref name="sdMinutes"/>; <paramref name="planOfTurns"/> walks a call of the given number of turns.</summary>
    /// <exception cref="PlannerException">Bad parameters, or calls longer than <see cref="CallDefaults.MaxTurns"/> turns.</exception>
    public static CallUsage LogNormalMinutes(decimal meanMinutes, decimal sdMinutes, decimal talkShare, decimal turnSeconds, Func<int, CallPlan> planOfTurns)
    {
        ArgumentNullException.ThrowIfNull(planOfTurns);
        var problems = new List<string>();
        if (meanMinutes is <= 0m or > 1_440m)
        {
            problems.Add($"mean call minutes must be > 0 and at most 1,440, got {D(meanMinutes)}");
        }

        if (sdMinutes < 0m || sdMinutes > 100 * meanMinutes)
        {
            problems.Add($"call minutes' standard deviation must be 0 to 100 x the mean, got {D(sdMinutes)}");
        }

        if (talkShare is <= 0m or > 1m)
        {
            problems.Add($"talk share must be > 0 and at most 1, got {D(talkShare)}");
        }

        if (turnSeconds <= 0m)
        {
            problems.Add("user and assistant audio per turn are both 0: call minutes cannot be turned into turns");
        }

        if (problems.Count > 0)
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument, string.Join("; ", problems));
        }

        double mean = (double)meanMinutes;
        double sd = (double)sdMinutes;
        double span = (double)(turnSeconds / (60m * talkShare)); // minutes of call per turn
        string description = $"call minutes log-normal, mean {D(meanMinutes)}, SD {D(sdMinutes)}; a turn per {D(turnSeconds / talkShare)} s of call";
        if (sd == 0)
        {
            int turns = (int)Math.Max(1, Math.Ceiling(mean / span));
            var plan = planOfTurns(turns);
            var probability = new double[turns];
            probability[^1] = 1.0;
            return new CallUsage(plan, probability, description);
        }

        double sigma2 = Math.Log(1 + (sd * sd / (mean * mean)));
        double sigma = Math.Sqrt(sigma2);
        double mu = Math.Log(mean) - (sigma2 / 2);
        var p = new List<double>();
        double below = 0;
        for (int n = 1; ; n++)
        {
            double cdf = LogNormal.CDF(mu, sigma, n * span);
            p.Add(cdf - below);
            below = cdf;
            if (1 - cdf < TailCut)
            {
                break;
            }

            if (n >= CallDefaults.MaxTurns)
            {
                throw new PlannerException(PlannerErrorKind.InvalidArgument,
                    $"calls of mean {D(meanMinutes)} and SD {D(sdMinutes)} minutes reach past 100,000 turns; lower the standard deviation");
            }
        }

        double total = below;
        var normalised = p.Select(x => x / total).ToArray();
        return new CallUsage(planOfTurns(normalised.Length), normalised, description);
    }

    /// <summary>The walk of the longest call the distribution reaches.</summary>
    public CallPlan Plan { get; }

    /// <summary>Mean turns (Responses) per call.</summary>
    public double MeanTurns { get; }

    /// <summary>Responses a call sends on average: the limiter counts each as a request.</summary>
    public override double RequestsPerUnit { get; }

    public override Usage? ExactUsage => _exact;

    public override IReadOnlyList<double> Mean => _mean;

    public override double[,] Covariance => (double[,])_covariance.Clone();

    /// <summary>Mean TPM charge per Response (input + reserved output), weighted by Responses.</summary>
    public override double MeanTpmCharge { get; }

    public override string Description { get; }

    public override void AddSample(Random random, Span<long> totals)
    {
        ArgumentNullException.ThrowIfNull(random);
        int i = _first;
        if (_exact is null)
        {
            double u = random.NextDouble() * _cumulative[^1];
            i = Array.BinarySearch(_cumulative, u);
            i = i < 0 ? ~i : i;
            i = Math.Min(Math.Max(i, _first), _cumulative.Length - 1);
        }

        var tokens = _prefix[i];
        for (int m = 0; m < MeterCount; m++)
        {
            totals[m] = checked(totals[m] + tokens[m]);
        }
    }

    private static string D(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
