using Planner.Core.Catalog;
using Planner.Core.Units;

namespace Planner.Core.Pricing;

/// <summary>The exact cost of one request, meter by meter; <see cref="Total"/> is their sum to the last digit.</summary>
/// <remarks>Held as whole picodollars (1e-12 USD): every price has at most 6 decimal places per 1M
/// tokens, so every per-token product is an exact integer and sums never round.</remarks>
public readonly struct CostBreakdown : IEquatable<CostBreakdown>
{
    private readonly MeterValues<long> _picodollars;

    /// <summary>A breakdown from per-meter picodollars.</summary>
    public CostBreakdown(in MeterValues<long> picodollars) => _picodollars = picodollars;

    /// <summary>The hot path's constructor: one value per meter in <see cref="Meter"/> order (8 meters).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal CostBreakdown(long m0, long m1, long m2, long m3, long m4, long m5, long m6, long m7)
    {
        _picodollars[0] = m0;
        _picodollars[1] = m1;
        _picodollars[2] = m2;
        _picodollars[3] = m3;
        _picodollars[4] = m4;
        _picodollars[5] = m5;
        _picodollars[6] = m6;
        _picodollars[7] = m7;
    }

    public static CostBreakdown Zero => default;

    /// <summary>A breakdown with <paramref name="picodollars"/> on one meter.</summary>
    public static CostBreakdown On(Meter meter, long picodollars)
    {
        var values = default(MeterValues<long>);
        values[meter] = picodollars;
        return new CostBreakdown(values);
    }

    /// <summary>The per-meter picodollars.</summary>
    public MeterValues<long> AllPicodollars => _picodollars;

    /// <summary>The per-meter picodollars by reference (the hot path of summing: no 64-byte copy).</summary>
    [System.Diagnostics.CodeAnalysis.UnscopedRef]
    internal ref readonly MeterValues<long> PicodollarsRef => ref _picodollars;

    public long TextInputPicodollars => _picodollars[Meter.TextInput];
    public long CachedInputPicodollars => _picodollars[Meter.CachedTextInput];
    public long AudioInputPicodollars => _picodollars[Meter.AudioInput];
    public long TextOutputPicodollars => _picodollars[Meter.TextOutput];
    public long AudioOutputPicodollars => _picodollars[Meter.AudioOutput];

    /// <summary>The sum of all meters, in picodollars.</summary>
    public long TotalPicodollars
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        get
        {
            ref readonly var p = ref _picodollars;
            return checked(p[0] + p[1] + p[2] + p[3] + p[4] + p[5] + p[6] + p[7]);
        }
    }

    public Usd TextInput => this[Meter.TextInput];
    public Usd CachedInput => this[Meter.CachedTextInput];
    public Usd AudioInput => this[Meter.AudioInput];
    public Usd CachedAudioInput => this[Meter.CachedAudioInput];
    public Usd ImageInput => this[Meter.ImageInput];
    public Usd CachedImageInput => this[Meter.CachedImageInput];
    public Usd TextOutput => this[Meter.TextOutput];
    public Usd AudioOutput => this[Meter.AudioOutput];

    /// <summary>The whole cost.</summary>
    public Usd Total => Usd.FromPicodollars(TotalPicodollars);

    /// <summary>The cost on one meter.</summary>
    public Usd this[Meter meter] => Usd.FromPicodollars(_picodollars[meter]);

    /// <summary>The cost on one meter in picodollars.</summary>
    public long Picodollars(Meter meter) => _picodollars[meter];

    public static CostBreakdown operator +(CostBreakdown a, CostBreakdown b)
    {
        var sum = default(MeterValues<long>);
        for (int i = 0; i < MeterTable.Count; i++)
        {
            sum[i] = checked(a._picodollars[i] + b._picodollars[i]);
        }

        return new CostBreakdown(sum);
    }

    public static bool operator ==(CostBreakdown a, CostBreakdown b) => a.Equals(b);
    public static bool operator !=(CostBreakdown a, CostBreakdown b) => !a.Equals(b);

    public bool Equals(CostBreakdown other) => _picodollars.Equals(other._picodollars);
    public override bool Equals(object? obj) => obj is CostBreakdown other && Equals(other);
    public override int GetHashCode() => _picodollars.GetHashCode();
    public override string ToString() => Total.ToString();
}
