using Planner.Core.Pricing;

namespace Planner.Core.Projection;

/// <summary>The tokens one request uses, per meter, as a distribution. Meters are indexed in
/// <see cref="Catalog.Meter"/> order.</summary>
public abstract class UsageDistribution
{
    /// <summary>The number of meters (<see cref="Catalog.MeterTable.Count"/>).</summary>
    public const int MeterCount = Catalog.MeterTable.Count;

    /// <summary>The usage when every request is the same, else null.</summary>
    public virtual Usage? ExactUsage => null;

    /// <summary>Mean tokens per request on each meter.</summary>
    public abstract IReadOnlyList<double> Mean { get; }

    /// <summary>The meter x meter covariance of one request's tokens across meters.</summary>
    public abstract double[,] Covariance { get; }

    /// <summary>Requests one unit sends: 1 for a request; a call's mean Responses when the unit is a call. The default value is 1.</summary>
    public virtual double RequestsPerUnit => 1;

    /// <summary>Mean tokens one request counts against TPM (input + max_tokens where known, else input + output).</summary>
    public abstract double MeanTpmCharge { get; }

    /// <summary>The distribution of one request's TPM charge, for the peak minute's total charge; null: every request
    /// charges <see cref="MeanTpmCharge"/>. The default value is null.</summary>
    public TpmCharges? Charges { get; init; }

    /// <summary>How this distribution was obtained, for the assumptions list.</summary>
    public abstract string Description { get; }

    /// <summary>Draws one request and adds its tokens into <paramref name="totals"/> (one per meter).</summary>
    public abstract void AddSample(Random random, Span<long> totals);

    internal static long[] Meters(in Usage usage)
    {
        var tokens = usage.Tokens;
        return ((ReadOnlySpan<long>)tokens).ToArray();
    }
}
