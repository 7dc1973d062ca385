using Planner.Core.Units;

namespace Planner.Core.Pricing;

/// <summary>What one request uses, on each of the five disjoint meters: cached tokens are not
/// inside <see cref="TextInput"/>.</summary>
public readonly record struct Usage(
    TokenCount TextInput,
    TokenCount CachedInput,
    TokenCount AudioInput,
    TokenCount TextOutput,
    TokenCount AudioOutput)
{
    /// <summary>Nothing used.</summary>
    public static Usage Zero => default;

    /// <summary>Text + cached + audio input.</summary>
    public TokenCount InputTokens => new(checked(TextInput.Value + CachedInput.Value + AudioInput.Value));

    /// <summary>Text + audio output.</summary>
    public TokenCount OutputTokens => new(checked(TextOutput.Value + AudioOutput.Value));

    /// <summary>Input + output.</summary>
    public TokenCount TotalTokens => new(checked(InputTokens.Value + OutputTokens.Value));

    /// <summary>The tokens on one meter.</summary>
    public TokenCount this[Catalog.Meter meter] => meter switch
    {
        Catalog.Meter.TextInput => TextInput,
        Catalog.Meter.CachedInput => CachedInput,
        Catalog.Meter.AudioInput => AudioInput,
        Catalog.Meter.TextOutput => TextOutput,
        Catalog.Meter.AudioOutput => AudioOutput,
        _ => throw new ArgumentOutOfRangeException(nameof(meter), meter, "unknown meter"),
    };

    /// <summary>Meter-by-meter sum of two usages.</summary>
    public static Usage operator +(Usage a, Usage b) => new(
        a.TextInput + b.TextInput,
        a.CachedInput + b.CachedInput,
        a.AudioInput + b.AudioInput,
        a.TextOutput + b.TextOutput,
        a.AudioOutput + b.AudioOutput);

    /// <summary>Creates a usage from raw counts; each must be >= 0.</summary>
    public static Usage Of(long textInput = 0, long cachedInput = 0, long audioInput = 0, long textOutput = 0, long audioOutput = 0) =>
        new(new TokenCount(textInput), new TokenCount(cachedInput), new TokenCount(audioInput), new TokenCount(textOutput), new TokenCount(audioOutput));
}
