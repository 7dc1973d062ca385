using Planner.Core.Catalog;
using Planner.Core.Units;

namespace Planner.Core.Pricing;

/// <summary>What one request uses, on each of the disjoint meters of <see cref="MeterTable"/>:
/// cached tokens are not inside their input meter's count.</summary>
public readonly struct Usage : IEquatable<Usage>
{
    private readonly MeterValues<long> _tokens;

    /// <summary>A usage from per-meter counts; each must be >= 0.</summary>
    public Usage(in MeterValues<long> tokens)
    {
        foreach (long t in (ReadOnlySpan<long>)tokens)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(t, nameof(tokens));
        }

        _tokens = tokens;
    }

    /// <summary>A usage on the text and audio meters (no cached audio, no image).</summary>
    public Usage(TokenCount textInput, TokenCount cachedInput, TokenCount audioInput, TokenCount textOutput, TokenCount audioOutput)
    {
        _tokens[Meter.TextInput] = textInput.Value;
        _tokens[Meter.CachedTextInput] = cachedInput.Value;
        _tokens[Meter.AudioInput] = audioInput.Value;
        _tokens[Meter.TextOutput] = textOutput.Value;
        _tokens[Meter.AudioOutput] = audioOutput.Value;
    }

    /// <summary>Nothing used.</summary>
    public static Usage Zero => default;

    /// <summary>The per-meter counts.</summary>
    public MeterValues<long> Tokens => _tokens;

    /// <summary>The per-meter counts by reference (the hot path of summing: no 64-byte copy).</summary>
    [System.Diagnostics.CodeAnalysis.UnscopedRef]
    internal ref readonly MeterValues<long> TokensRef => ref _tokens;

    /// <summary>The per-meter counts by reference (the hot path reads them without copying).</summary>
    [System.Diagnostics.CodeAnalysis.UnscopedRef]
    internal ref readonly MeterValues<long> TokenValues => ref _tokens;

    public TokenCount TextInput => this[Meter.TextInput];
    public TokenCount CachedInput => this[Meter.CachedTextInput];
    public TokenCount AudioInput => this[Meter.AudioInput];
    public TokenCount CachedAudioInput => this[Meter.CachedAudioInput];
    public TokenCount ImageInput => this[Meter.ImageInput];
    public TokenCount CachedImageInput => this[Meter.CachedImageInput];
    public TokenCount TextOutput => this[Meter.TextOutput];
    public TokenCount AudioOutput => this[Meter.AudioOutput];

    /// <summary>Every input meter (cached included).</summary>
    public TokenCount InputTokens => new(Sum(MeterTable.InputMask));

    /// <summary>Every output meter.</summary>
    public TokenCount OutputTokens => new(Sum(MeterTable.OutputMask));

    /// <summary>Input + output.</summary>
    public TokenCount TotalTokens
    {
        get
        {
            long total = 0;
            foreach (long t in (ReadOnlySpan<long>)_tokens)
            {
                total = checked(total + t);
            }

            return new(total);
        }
    }

    /// <summary>The tokens on one meter.</summary>
    public TokenCount this[Meter meter] => new(_tokens[meter]);

    /// <summary>Meter-by-meter sum of two usages.</summary>
    public static Usage operator +(Usage a, Usage b)
    {
        var sum = default(MeterValues<long>);
        for (int i = 0; i < MeterTable.Count; i++)
        {
            sum[i] = checked(a._tokens[i] + b._tokens[i]);
        }

        return new Usage(sum, trusted: true);
    }

    /// <summary>Creates a usage from raw counts; each must be >= 0.</summary>
    public static Usage Of(
        long textInput = 0,
        long cachedInput = 0,
        long audioInput = 0,
        long textOutput = 0,
        long audioOutput = 0,
        long cachedAudioInput = 0,
        long imageInput = 0,
        long cachedImageInput = 0)
    {
        var tokens = default(MeterValues<long>);
        tokens[Meter.TextInput] = new TokenCount(textInput).Value;
        tokens[Meter.CachedTextInput] = new TokenCount(cachedInput).Value;
        tokens[Meter.AudioInput] = new TokenCount(audioInput).Value;
        tokens[Meter.CachedAudioInput] = new TokenCount(cachedAudioInput).Value;
        tokens[Meter.ImageInput] = new TokenCount(imageInput).Value;
        tokens[Meter.CachedImageInput] = new TokenCount(cachedImageInput).Value;
        tokens[Meter.TextOutput] = new TokenCount(textOutput).Value;
        tokens[Meter.AudioOutput] = new TokenCount(audioOutput).Value;
        return new Usage(tokens, trusted: true);
    }

    /// <summary>This usage with one meter's count replaced.</summary>
    public Usage With(Meter meter, TokenCount tokens)
    {
        var copy = _tokens;
        copy[meter] = tokens.Value;
        return new Usage(copy, trusted: true);
    }

    public bool Equals(Usage other) => _tokens.Equals(other._tokens);
    public override bool Equals(object? obj) => obj is Usage other && Equals(other);
    public override int GetHashCode() => _tokens.GetHashCode();
    public static bool operator ==(Usage a, Usage b) => a.Equals(b);
    public static bool operator !=(Usage a, Usage b) => !a.Equals(b);

    public override string ToString()
    {
        var tokens = _tokens;
        return string.Join(", ", MeterTable.All.Where(m => tokens[m.Meter] != 0).Select(m => $"{m.JsonKey} = {tokens[m.Meter]}"));
    }

    /// <summary>A usage from counts already known to be >= 0 (the trace reader's hot path).</summary>
    internal static Usage FromCounts(in MeterValues<long> tokens) => new(tokens, trusted: true);

    private Usage(in MeterValues<long> tokens, bool trusted)
    {
        _ = trusted;
        _tokens = tokens;
    }

    private long Sum(int mask)
    {
        long total = 0;
        for (int i = 0; i < MeterTable.Count; i++)
        {
            if (((mask >> i) & 1) != 0)
            {
                total = checked(total + _tokens[i]);
            }
        }

        return total;
    }
}
