using Planner.Core.Pricing;
using Planner.Core.Units;

namespace Planner.Core.Projection;

/// <summary>Every request uses exactly the same tokens.</summary>
public sealed class FixedUsage : UsageDistribution
{
    private readonly long[] _tokens;

    /// <summary>Requests of <paramref name="usage"/>, charging <paramref name="maxTokens"/> (or their output) against TPM.</summary>
    public FixedUsage(Usage usage, TokenCount? maxTokens = null)
    {
        Usage = usage;
        _tokens = Meters(usage);
        Mean = Array.ConvertAll(_tokens, t => (double)t);
        long charge = TpmCharge.Of(usage, maxTokens).Value;
        MeanTpmCharge = charge;
        Charges = TpmCharges.Constant(charge);
    }

    /// <summary>The one usage.</summary>
    public Usage Usage { get; }

    public override Usage? ExactUsage => Usage;

    public override IReadOnlyList<double> Mean { get; }

    public override double[,] Covariance => new double[MeterCount, MeterCount];

    public override double MeanTpmCharge { get; }

    public override string Description => "every request the same";

    public override void AddSample(Random random, Span<long> totals)
    {
        for (int m = 0; m < MeterCount; m++)
        {
            totals[m] = checked(totals[m] + _tokens[m]);
        }
    }
}
