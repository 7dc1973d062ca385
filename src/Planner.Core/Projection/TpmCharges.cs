namespace Planner.Core.Projection;

/// <summary>The distribution of one request's TPM charge (input + max_tokens, else input + output): the observed
/// charges, resampled, with their first three moments for the peak minute's compound sum.</summary>
public sealed class TpmCharges
{
    private readonly long[] _charges;

    /// <summary>Charges observed (at least one), each >= 0.</summary>
    public TpmCharges(IReadOnlyList<long> charges)
    {
        ArgumentNullException.ThrowIfNull(charges);
        ArgumentOutOfRangeException.ThrowIfZero(charges.Count);
        _charges = [.. charges];
        SingleValue = Array.TrueForAll(_charges, c => c == _charges[0]) ? _charges[0] : null;
        foreach (long c in _charges)
        {
            double x = c;
            Mean += x;
            SecondMoment += x * x;
            ThirdMoment += x * x * x;
        }

        Mean /= _charges.Length;
        SecondMoment /= _charges.Length;
        ThirdMoment /= _charges.Length;
    }

    /// <summary>Every request charges <paramref name="charge"/>.</summary>
    public static TpmCharges Constant(long charge) => new([charge]);

    /// <summary>The one charge when every request charges the same, else null.</summary>
    public long? SingleValue { get; }

    /// <summary>E[C].</summary>
    public double Mean { get; }

    /// <summary>E[C^2].</summary>
    public double SecondMoment { get; }

    /// <summary>E[C^3].</summary>
    public double ThirdMoment { get; }

    /// <summary>One request's charge, resampled.</summary>
    public long Sample(Random random) => _charges.Length == 1 ? _charges[0] : _charges[random.Next(_charges.Length)];
}
