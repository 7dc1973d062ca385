using System.Globalization;
using System.Runtime.CompilerServices;
using Planner.Core.Catalog;

namespace Planner.Core.Pricing;

/// <summary>A price set compiled for the hot path: one integer picodollar-per-token rate per meter,
/// with cached meters that list no price already at their input meter's rate, and a mask of the meters
/// the model does not price. Pricing a request is one checked multiplication per meter, with no allocation.</summary>
public readonly struct PriceSheet
{
    private readonly MeterValues<long> _rates;

    // All ones on each meter the model does not price, zero elsewhere: OR-ing (tokens & guard) over the
    // meters is zero exactly when the request uses only priced meters, with no branch per meter.
    private readonly MeterValues<long> _guard;
    private readonly int _unpriced;
    private readonly string? _model;

    /// <summary>Compiles a price set; <paramref name="model"/> names the model in errors.</summary>
    public PriceSheet(PriceSet prices, string? model = null)
    {
        ArgumentNullException.ThrowIfNull(prices);
        _model = model;
        for (int i = 0; i < MeterTable.Count; i++)
        {
            if (prices[(Meter)i] is { } price)
            {
                _rates[i] = price.PicodollarsPerToken;
            }
            else
            {
                _unpriced |= 1 << i;
                _guard[i] = -1;
            }
        }
    }

    /// <summary>The rate of one meter in picodollars per token (0 for an unpriced meter).</summary>
    public long PicodollarsPerToken(Meter meter) => _rates[meter];

    /// <summary>Bit i set for every meter i the model does not price.</summary>
    public int UnpricedMask => _unpriced;

    /// <summary>The first meter the usage has tokens on that the model does not price, or null. Allocation-free.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Meter? Unpriced(in Usage usage)
    {
        ref readonly var tokens = ref usage.TokenValues;
        long unpriced = 0;
        for (int i = 0; i < MeterTable.Count; i++)
        {
            unpriced |= tokens[i] & _guard[i];
        }

        return unpriced == 0 ? null : FirstUnpriced(usage);
    }

    /// <summary>The exact cost of one request, meter by meter.</summary>
    /// <exception cref="PlannerException">The usage has tokens on a meter the model does not price.</exception>
    /// <remarks>Written out meter by meter (constant indices, values in registers, one store each): the
    /// loop form kept the per-meter values in memory and measured about 10x slower (13 ns against 1.4 ns,
    /// benchmarks/README.md). MeterTableTests pins the meter count this relies on.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public CostBreakdown Price(in Usage usage)
    {
        ref readonly var t = ref usage.TokenValues;
        long t0 = t[0], t1 = t[1], t2 = t[2], t3 = t[3], t4 = t[4], t5 = t[5], t6 = t[6], t7 = t[7];
        if (_unpriced != 0 &&
            ((t0 & _guard[0]) | (t1 & _guard[1]) | (t2 & _guard[2]) | (t3 & _guard[3]) |
             (t4 & _guard[4]) | (t5 & _guard[5]) | (t6 & _guard[6]) | (t7 & _guard[7])) != 0)
        {
            ThrowUnpriced(usage);
        }

        return new CostBreakdown(
            checked(t0 * _rates[0]), checked(t1 * _rates[1]), checked(t2 * _rates[2]), checked(t3 * _rates[3]),
            checked(t4 * _rates[4]), checked(t5 * _rates[5]), checked(t6 * _rates[6]), checked(t7 * _rates[7]));
    }

    /// <summary>"gpt-audio-mini has no price for image input; the request uses 1,000 image input tokens".</summary>
    public static string Describe(string model, Meter meter, long tokens)
    {
        string noun = meter.Info().Noun;
        return string.Create(CultureInfo.InvariantCulture, $"{model} has no price for {noun}; the request uses {tokens:N0} {noun} tokens");
    }

    private Meter? FirstUnpriced(in Usage usage)
    {
        for (int i = 0; i < MeterTable.Count; i++)
        {
            if (((_unpriced >> i) & 1) != 0 && usage[(Meter)i].Value != 0)
            {
                return (Meter)i;
            }
        }

        return null;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowUnpriced(in Usage usage)
    {
        var meter = FirstUnpriced(usage)!.Value;
        throw new PlannerException(PlannerErrorKind.UnpricedMeter, Describe(_model ?? "the model", meter, usage[meter].Value));
    }
}
