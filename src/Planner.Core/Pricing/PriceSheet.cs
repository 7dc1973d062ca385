using System.Runtime.CompilerServices;
using Planner.Core.Catalog;

namespace Planner.Core.Pricing;

/// <summary>A price set compiled for the hot path: five integer picodollar-per-token rates.
/// Pricing a request is five checked integer multiplications, with no allocation.</summary>
public readonly struct PriceSheet
{
    private readonly long _textInput;
    private readonly long _cachedInput;
    private readonly long _audioInput;
    private readonly long _textOutput;
    private readonly long _audioOutput;

    /// <summary>Compiles a price set (cached input at the text input rate where none is listed).</summary>
    public PriceSheet(PriceSet prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        _textInput = prices.TextInput.PicodollarsPerToken;
        _cachedInput = prices.EffectiveCachedInput.PicodollarsPerToken;
        _audioInput = prices.AudioInput.PicodollarsPerToken;
        _textOutput = prices.TextOutput.PicodollarsPerToken;
        _audioOutput = prices.AudioOutput.PicodollarsPerToken;
    }

    /// <summary>The exact cost of one request, meter by meter.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public CostBreakdown Price(in Usage usage) => new(
        checked(usage.TextInput.Value * _textInput),
        checked(usage.CachedInput.Value * _cachedInput),
        checked(usage.AudioInput.Value * _audioInput),
        checked(usage.TextOutput.Value * _textOutput),
        checked(usage.AudioOutput.Value * _audioOutput));
}
