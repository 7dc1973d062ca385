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
            }
        }
    }

    /// <summary>The rate of one meter in picodollars per token (0 for an unpriced meter).</summary>
    public long PicodollarsPerToken(Meter meter) => _rates[meter];

    /// <summary>Bit i set for every meter i the model does not price.</summary>
    public int UnpricedMask => _unpriced;

    /// <summary>The first meter the usage has tokens on that the model does not price, or null. Allocation-free.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Meter? Unpriced(in Usage usage) => _unpriced == 0 ? null : FirstUnpriced(usage);

    /// <summary>The exact cost of one request, meter by meter.</summary>
    /// <exception cref="PlannerException">The usage has tokens on a meter the model does not price.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public CostBreakdown Price(in Usage usage)
    {
        if (_unpriced != 0)
        {
            EnsurePriced(usage);
        }

        var tokens = usage.Tokens;
        var cost = default(MeterValues<long>);
        for (int i = 0; i < MeterTable.Count; i++)
        {
            cost[i] = checked(tokens[i] * _rates[i]);
        }

        return new CostBreakdown(cost);
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
    private void EnsurePriced(in Usage usage)
    {
        if (FirstUnpriced(usage) is { } meter)
        {
            throw new PlannerException(PlannerErrorKind.UnpricedMeter, Describe(_model ?? "the model", meter, usage[meter].Value));
        }
    }
}
