using System.Globalization;

namespace Planner.Core.Units;

/// <summary>How many tokens one second of audio counts as (OpenAI: 10/s in user messages,
/// 20/s in assistant messages).</summary>
/// <remarks>Held exactly as milli-tokens per second; must be > 0 with at most 3 decimal places.</remarks>
public readonly struct AudioTokenRate : IEquatable<AudioTokenRate>
{
    private const long MicrosecondsTimesMilli = 1_000_000_000;

    private AudioTokenRate(long milliTokensPerSecond) => MilliTokensPerSecond = milliTokensPerSecond;

    /// <summary>The rate in thousandths of a token per second.</summary>
    public long MilliTokensPerSecond { get; }

    /// <summary>Tokens per second of audio, exactly.</summary>
    public decimal TokensPerSecond => MilliTokensPerSecond / 1000m;

    /// <summary>Creates a rate. Must be > 0, with at most 3 decimal places.</summary>
    public static AudioTokenRate FromTokensPerSecond(decimal tokensPerSecond)
    {
        if (!TryFromTokensPerSecond(tokensPerSecond, out var rate, out var error))
        {
            throw new ArgumentOutOfRangeException(nameof(tokensPerSecond), tokensPerSecond, error);
        }

        return rate;
    }

    /// <summary>Creates a rate, or says why it cannot.</summary>
    public static bool TryFromTokensPerSecond(decimal tokensPerSecond, out AudioTokenRate rate, out string? error)
    {
        rate = default;
        if (tokensPerSecond <= 0)
        {
            error = "must be > 0";
            return false;
        }

        if (tokensPerSecond > int.MaxValue / 1000m)
        {
            // Checked before scaling: x 1,000 overflows decimal itself above ~7.9e25.
            error = "must have at most 3 decimal places and be at most 2,147,483";
            return false;
        }

        decimal milli = tokensPerSecond * 1000m;
        if (milli != decimal.Truncate(milli) || milli > int.MaxValue)
        {
            error = "must have at most 3 decimal places and be at most 2,147,483";
            return false;
        }

        rate = new AudioTokenRate((long)milli);
        error = null;
        return true;
    }

    /// <summary>The tokens <paramref name="duration"/> of audio counts as; a fraction of a token
    /// rounds up to the next whole token.</summary>
    public TokenCount TokensFor(AudioDuration duration)
    {
        Int128 scaled = (Int128)duration.Microseconds * MilliTokensPerSecond;
        Int128 whole = (scaled + (MicrosecondsTimesMilli - 1)) / MicrosecondsTimesMilli;
        return new TokenCount(checked((long)whole));
    }

    /// <summary>The longest audio that fits in <paramref name="tokens"/> (rounded down to the microsecond).</summary>
    public AudioDuration DurationFor(TokenCount tokens)
    {
        Int128 micros = (Int128)tokens.Value * MicrosecondsTimesMilli / MilliTokensPerSecond;
        return AudioDuration.FromMicroseconds(checked((long)micros));
    }

    public static bool operator ==(AudioTokenRate a, AudioTokenRate b) => a.Equals(b);
    public static bool operator !=(AudioTokenRate a, AudioTokenRate b) => !a.Equals(b);

    public bool Equals(AudioTokenRate other) => MilliTokensPerSecond == other.MilliTokensPerSecond;
    public override bool Equals(object? obj) => obj is AudioTokenRate other && Equals(other);
    public override int GetHashCode() => MilliTokensPerSecond.GetHashCode();

    /// <summary>"10 tokens/s".</summary>
    public override string ToString() => TokensPerSecond.ToString("0.###", CultureInfo.InvariantCulture) + " tokens/s";
}
