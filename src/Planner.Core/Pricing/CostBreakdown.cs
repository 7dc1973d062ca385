using Planner.Core.Catalog;
using Planner.Core.Units;

namespace Planner.Core.Pricing;

/// <summary>The exact cost of one request, meter by meter; <see cref="Total"/> is their sum to the last digit.</summary>
/// <remarks>Held as whole picodollars (1e-12 USD): every price has at most 6 decimal places per 1M
/// tokens, so every per-token product is an exact integer and sums never round.</remarks>
public readonly struct CostBreakdown : IEquatable<CostBreakdown>
{
    public CostBreakdown(long textInputPico, long cachedInputPico, long audioInputPico, long textOutputPico, long audioOutputPico)
    {
        TextInputPicodollars = textInputPico;
        CachedInputPicodollars = cachedInputPico;
        AudioInputPicodollars = audioInputPico;
        TextOutputPicodollars = textOutputPico;
        AudioOutputPicodollars = audioOutputPico;
    }

    public static CostBreakdown Zero => default;

    public long TextInputPicodollars { get; }
    public long CachedInputPicodollars { get; }
    public long AudioInputPicodollars { get; }
    public long TextOutputPicodollars { get; }
    public long AudioOutputPicodollars { get; }

    /// <summary>The sum of the five meters, in picodollars.</summary>
    public long TotalPicodollars => checked(TextInputPicodollars + CachedInputPicodollars + AudioInputPicodollars + TextOutputPicodollars + AudioOutputPicodollars);

    public Usd TextInput => Usd.FromPicodollars(TextInputPicodollars);
    public Usd CachedInput => Usd.FromPicodollars(CachedInputPicodollars);
    public Usd AudioInput => Usd.FromPicodollars(AudioInputPicodollars);
    public Usd TextOutput => Usd.FromPicodollars(TextOutputPicodollars);
    public Usd AudioOutput => Usd.FromPicodollars(AudioOutputPicodollars);

    /// <summary>The whole cost.</summary>
    public Usd Total => Usd.FromPicodollars(TotalPicodollars);

    /// <summary>The cost on one meter.</summary>
    public Usd this[Meter meter] => Usd.FromPicodollars(Picodollars(meter));

    /// <summary>The cost on one meter in picodollars.</summary>
    public long Picodollars(Meter meter) => meter switch
    {
        Meter.TextInput => TextInputPicodollars,
        Meter.CachedInput => CachedInputPicodollars,
        Meter.AudioInput => AudioInputPicodollars,
        Meter.TextOutput => TextOutputPicodollars,
        Meter.AudioOutput => AudioOutputPicodollars,
        _ => throw new ArgumentOutOfRangeException(nameof(meter), meter, "unknown meter"),
    };

    public static CostBreakdown operator +(CostBreakdown a, CostBreakdown b) => new(
        checked(a.TextInputPicodollars + b.TextInputPicodollars),
        checked(a.CachedInputPicodollars + b.CachedInputPicodollars),
        checked(a.AudioInputPicodollars + b.AudioInputPicodollars),
        checked(a.TextOutputPicodollars + b.TextOutputPicodollars),
        checked(a.AudioOutputPicodollars + b.AudioOutputPicodollars));

    public static bool operator ==(CostBreakdown a, CostBreakdown b) => a.Equals(b);
    public static bool operator !=(CostBreakdown a, CostBreakdown b) => !a.Equals(b);

    public bool Equals(CostBreakdown other) =>
        TextInputPicodollars == other.TextInputPicodollars && CachedInputPicodollars == other.CachedInputPicodollars &&
        AudioInputPicodollars == other.AudioInputPicodollars && TextOutputPicodollars == other.TextOutputPicodollars &&
        AudioOutputPicodollars == other.AudioOutputPicodollars;

    public override bool Equals(object? obj) => obj is CostBreakdown other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(TextInputPicodollars, CachedInputPicodollars, AudioInputPicodollars, TextOutputPicodollars, AudioOutputPicodollars);
    public override string ToString() => Total.ToString();
}
