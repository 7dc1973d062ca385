using Planner.Core.Catalog;
using Planner.Core.Units;

namespace Planner.Core.Pricing;

/// <summary>A running exact sum of many requests' costs, meter by meter (128-bit picodollars, so
/// it cannot overflow on any realistic trace). Mutable: one per aggregate, not shared across threads.</summary>
public sealed class CostTotals
{
    private MeterValues<Int128> _picodollars;
    private MeterValues<Int128> _tokens;

    /// <summary>How many requests were added.</summary>
    public long Requests { get; private set; }

    /// <summary>The tokens added, meter by meter: 128-bit like the money, so a long trace (or many requests
    /// of a large shape) cannot overflow a sum of counts that each fit a request.</summary>
    public Int128 TextInputTokens => _tokens[Meter.TextInput];
    public Int128 CachedInputTokens => _tokens[Meter.CachedTextInput];
    public Int128 AudioInputTokens => _tokens[Meter.AudioInput];
    public Int128 TextOutputTokens => _tokens[Meter.TextOutput];
    public Int128 AudioOutputTokens => _tokens[Meter.AudioOutput];

    /// <summary>Adds <paramref name="times"/> requests of one usage and cost.</summary>
    public void Add(in Usage usage, in CostBreakdown cost, long times = 1)
    {
        Requests = checked(Requests + times);
        var tokens = usage.Tokens;
        var pico = cost.AllPicodollars;
        for (int i = 0; i < MeterTable.Count; i++)
        {
            _tokens[i] += (Int128)tokens[i] * times;
            _picodollars[i] += (Int128)pico[i] * times;
        }
    }

    /// <summary>Adds one request of one usage and cost (the hot path of summing a trace: no multiplication).</summary>
    public void Add(in Usage usage, in CostBreakdown cost)
    {
        Requests = checked(Requests + 1);
        ref readonly var tokens = ref usage.TokensRef;
        ref readonly var pico = ref cost.PicodollarsRef;
        for (int i = 0; i < MeterTable.Count; i++)
        {
            // Unchecked: every addend is a long (below 2^63) and there are fewer than 2^63 of them (Requests is checked),
            // so each 128-bit sum stays below 2^126.
            _tokens[i] = unchecked(_tokens[i] + tokens[i]);
            _picodollars[i] = unchecked(_picodollars[i] + pico[i]);
        }
    }

    /// <summary>Adds a group of <paramref name="requests"/> requests whose tokens and costs sum to
    /// <paramref name="usage"/> and <paramref name="cost"/> (a row of an SQL engine's aggregate).</summary>
    public void AddGroup(long requests, in Usage usage, in CostBreakdown cost)
    {
        Requests = checked(Requests + requests);
        var tokens = usage.Tokens;
        var pico = cost.AllPicodollars;
        for (int i = 0; i < MeterTable.Count; i++)
        {
            _tokens[i] = checked(_tokens[i] + tokens[i]);
            _picodollars[i] += pico[i];
        }
    }

    /// <summary>Adds everything in another total.</summary>
    public void Add(CostTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Requests = checked(Requests + other.Requests);
        for (int i = 0; i < MeterTable.Count; i++)
        {
            _tokens[i] += other._tokens[i];
            _picodollars[i] += other._picodollars[i];
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

    /// <summary>The sum of all meters, exactly.</summary>
    public Usd Total => Usd.FromPicodollars(TotalPicodollars);

    /// <summary>The sum of all meters in picodollars.</summary>
    public Int128 TotalPicodollars
    {
        get
        {
            Int128 total = 0;
            foreach (var p in (ReadOnlySpan<Int128>)_picodollars)
            {
                total += p;
            }

            return total;
        }
    }

    /// <summary>The cost on one meter.</summary>
    public Usd this[Meter meter] => Usd.FromPicodollars(_picodollars[meter]);

    /// <summary>The tokens on one meter.</summary>
    public Int128 Tokens(Meter meter) => _tokens[meter];
}
