using Planner.Core.Catalog;
using Planner.Core.Units;

namespace Planner.Core.Pricing;

/// <summary>A request as a user describes it: token counts, with audio as tokens or as a duration.</summary>
public sealed record RequestShape
{
    public TokenCount TextInput { get; init; }
    public TokenCount CachedInput { get; init; }
    public AudioAmount AudioInput { get; init; }
    public TokenCount CachedAudioInput { get; init; }
    public TokenCount ImageInput { get; init; }
    public TokenCount CachedImageInput { get; init; }
    public TokenCount TextOutput { get; init; }
    public AudioAmount AudioOutput { get; init; }

    /// <summary>The usage, converting audio durations with <paramref name="rates"/>.</summary>
    public Usage ToUsage(AudioTokenRates rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        return new Usage(TextInput, CachedInput, AudioInput.ToTokens(rates.Input), TextOutput, AudioOutput.ToTokens(rates.Output))
            .With(Meter.CachedAudioInput, CachedAudioInput)
            .With(Meter.ImageInput, ImageInput)
            .With(Meter.CachedImageInput, CachedImageInput);
    }

    /// <summary>True when any audio was given as a duration (so the audio-token rates were used).</summary>
    public bool UsesAudioRates => AudioInput.Duration is not null || AudioOutput.Duration is not null;
}
