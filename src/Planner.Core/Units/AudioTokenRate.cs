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

        // Range before scaling: a rate near decimal.MaxValue would overflow the multiplication.
        decimal milli = tokensPerSecond > int.MaxValue / 1000m ? decimal.MaxValue : tokensPerSecond * 1000m;
        if (milli != decimal.Truncate(milli) || milli > int.MaxValue)
        {
            error = "must have at most 3 decimal places and be at most 2,147,483.647";
            return false;
        }

        rate = new AudioTokenRate((long)milli);
        error = null;
        return true;
    }

    /// <summary>The tokens <paramref name="duration"/> of audio counts as; a fraction of a token
    /// rounds up to the next whole token.</summary>
    /// <exception cref="PlannerException">More than <see cref="TokenCount.MaxPerRequest"/> tokens.</exception>
    public TokenCount TokensFor(AudioDuration duration)
    {
        if (!TryTokensFor(duration, out var tokens))
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument, TooMuchAudio(duration));
        }

        return tokens;
    }

    /// <summary>The tokens <paramref name="duration"/> counts as, or false when that is more than
    /// <see cref="TokenCount.MaxPerRequest"/> (one request cannot carry it).</summary>
    public bool TryTokensFor(AudioDuration duration, out TokenCount tokens)
    {
        Int128 scaled = (Int128)duration.Microseconds * MilliTokensPerSecond;
        Int128 whole = (scaled + (MicrosecondsTimesMilli - 1)) / MicrosecondsTimesMilli;
        if (whole > TokenCount.MaxPerRequest)
        {
            tokens = default;
            return false;
        }

        tokens = new TokenCount((long)whole);
        return true;
    }

    /// <summary>"1,000,000,000 s of audio at 20 tokens/s is more than the 1,000,000,000 tokens one request may carry".</summary>
    public string TooMuchAudio(AudioDuration duration) => string.Create(CultureInfo.InvariantCulture,
        $"{duration.Seconds:#,0.######} s of audio at {TokensPerSecond:#,0.###} tokens/s is more than the {TokenCount.MaxPerRequest:N0} tokens one request may carry");

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
