using Planner.Core.Units;

namespace Planner.Core.Pricing;

/// <summary>Audio given either as tokens or as a duration (converted with an audio-token rate).</summary>
public readonly record struct AudioAmount
{
    private AudioAmount(TokenCount tokens, AudioDuration? duration)
    {
        Tokens = tokens;
        Duration = duration;
    }

    /// <summary>The tokens given directly (zero when given as a duration).</summary>
    public TokenCount Tokens { get; }

    /// <summary>The duration given, or null when given as tokens.</summary>
    public AudioDuration? Duration { get; }

    public static AudioAmount None => default;

    public static AudioAmount FromTokens(TokenCount tokens) => new(tokens, null);

    public static AudioAmount FromDuration(AudioDuration duration) => new(TokenCount.Zero, duration);

    /// <summary>The tokens this audio counts as at <paramref name="rate"/> (a fraction rounds up).</summary>
    public TokenCount ToTokens(AudioTokenRate rate) => Duration is { } d ? rate.TokensFor(d) : Tokens;
}
