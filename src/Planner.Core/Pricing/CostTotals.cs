using Planner.Core.Catalog;
using Planner.Core.Units;

namespace Planner.Core.Pricing;

/// <summary>A running exact sum of many requests' costs, meter by meter (128-bit picodollars, so
/// it cannot overflow on any realistic trace). Mutable: one per aggregate, not shared across threads.</summary>
public sealed class CostTotals
{
    private Int128 _textInput;
    private Int128 _cachedInput;
    private Int128 _audioInput;
    private Int128 _textOutput;
    private Int128 _audioOutput;

    /// <summary>How many requests were added.</summary>
    public long Requests { get; private set; }

    /// <summary>The tokens added, meter by meter.</summary>
    public long TextInputTokens { get; private set; }
    public long CachedInputTokens { get; private set; }
    public long AudioInputTokens { get; private set; }
    public long TextOutputTokens { get; private set; }
    public long AudioOutputTokens { get; private set; }

    /// <summary>Adds <paramref name="times"/> requests of one usage and cost.</summary>
    public void Add(in Usage usage, in CostBreakdown cost, long times = 1)
    {
        Requests = checked(Requests + times);
        TextInputTokens = checked(TextInputTokens + (usage.TextInput.Value * times));
        CachedInputTokens = checked(CachedInputTokens + (usage.CachedInput.Value * times));
        AudioInputTokens = checked(AudioInputTokens + (usage.AudioInput.Value * times));
        TextOutputTokens = checked(TextOutputTokens + (usage.TextOutput.Value * times));
        AudioOutputTokens = checked(AudioOutputTokens + (usage.AudioOutput.Value * times));
        _textInput += (Int128)cost.TextInputPicodollars * times;
        _cachedInput += (Int128)cost.CachedInputPicodollars * times;
        _audioInput += (Int128)cost.AudioInputPicodollars * times;
        _textOutput += (Int128)cost.TextOutputPicodollars * times;
        _audioOutput += (Int128)cost.AudioOutputPicodollars * times;
    }

    /// <summary>Adds one request of one usage and cost (the hot path of summing a trace: no multiplication).</summary>
    public void Add(in Usage usage, in CostBreakdown cost)
    {
        Requests = checked(Requests + 1);
        TextInputTokens = checked(TextInputTokens + usage.TextInput.Value);
        CachedInputTokens = checked(CachedInputTokens + usage.CachedInput.Value);
        AudioInputTokens = checked(AudioInputTokens + usage.AudioInput.Value);
        TextOutputTokens = checked(TextOutputTokens + usage.TextOutput.Value);
        AudioOutputTokens = checked(AudioOutputTokens + usage.AudioOutput.Value);
        _textInput += cost.TextInputPicodollars;
        _cachedInput += cost.CachedInputPicodollars;
        _audioInput += cost.AudioInputPicodollars;
        _textOutput += cost.TextOutputPicodollars;
        _audioOutput += cost.AudioOutputPicodollars;
    }

    /// <summary>Adds a group of <paramref name="requests"/> requests whose tokens and costs sum to
    /// <paramref name="usage"/> and <paramref name="cost"/> (a row of an SQL engine's aggregate).</summary>
    public void AddGroup(long requests, in Usage usage, in CostBreakdown cost)
    {
        Requests = checked(Requests + requests);
        TextInputTokens = checked(TextInputTokens + usage.TextInput.Value);
        CachedInputTokens = checked(CachedInputTokens + usage.CachedInput.Value);
        AudioInputTokens = checked(AudioInputTokens + usage.AudioInput.Value);
        TextOutputTokens = checked(TextOutputTokens + usage.TextOutput.Value);
        AudioOutputTokens = checked(AudioOutputTokens + usage.AudioOutput.Value);
        _textInput += cost.TextInputPicodollars;
        _cachedInput += cost.CachedInputPicodollars;
        _audioInput += cost.AudioInputPicodollars;
        _textOutput += cost.TextOutputPicodollars;
        _audioOutput += cost.AudioOutputPicodollars;
    }

    /// <summary>Adds everything in another total.</summary>
    public void Add(CostTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Requests = checked(Requests + other.Requests);
        TextInputTokens = checked(TextInputTokens + other.TextInputTokens);
        CachedInputTokens = checked(CachedInputTokens + other.CachedInputTokens);
        AudioInputTokens = checked(AudioInputTokens + other.AudioInputTokens);
        TextOutputTokens = checked(TextOutputTokens + other.TextOutputTokens);
        AudioOutputTokens = checked(AudioOutputTokens + other.AudioOutputTokens);
        _textInput += other._textInput;
        _cachedInput += other._cachedInput;
        _audioInput += other._audioInput;
        _textOutput += other._textOutput;
        _audioOutput += other._audioOutput;
    }

    public Usd TextInput => Usd.FromPicodollars(_textInput);
    public Usd CachedInput => Usd.FromPicodollars(_cachedInput);
    public Usd AudioInput => Usd.FromPicodollars(_audioInput);
    public Usd TextOutput => Usd.FromPicodollars(_textOutput);
    public Usd AudioOutput => Usd.FromPicodollars(_audioOutput);

    /// <summary>The sum of all meters, exactly.</summary>
    public Usd Total => Usd.FromPicodollars(TotalPicodollars);

    /// <summary>The sum of all meters in picodollars.</summary>
    public Int128 TotalPicodollars => _textInput + _cachedInput + _audioInput + _textOutput + _audioOutput;

    /// <summary>The cost on one meter.</summary>
    public Usd this[Meter meter] => meter switch
    {
        Meter.TextInput => TextInput,
        Meter.CachedInput => CachedInput,
        Meter.AudioInput => AudioInput,
        Meter.TextOutput => TextOutput,
        Meter.AudioOutput => AudioOutput,
        _ => throw new ArgumentOutOfRangeException(nameof(meter), meter, "unknown meter"),
    };

    /// <summary>The tokens on one meter.</summary>
    public long Tokens(Meter meter) => meter switch
    {
        Meter.TextInput => TextInputTokens,
        Meter.CachedInput => CachedInputTokens,
        Meter.AudioInput => AudioInputTokens,
        Meter.TextOutput => TextOutputTokens,
        Meter.AudioOutput => AudioOutputTokens,
        _ => throw new ArgumentOutOfRangeException(nameof(meter), meter, "unknown meter"),
    };
}
