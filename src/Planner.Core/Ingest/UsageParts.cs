using Planner.Core.Pricing;

namespace Planner.Core.Ingest;

/// <summary>One request's (or bucket's) tokens on eight disjoint parts, as the OpenAI formats report them once their
/// subsets are subtracted. <see cref="ToUsage"/> is the one place they become Planner's meters.</summary>
internal struct UsageParts
{
    public long TextInput;
    public long CachedTextInput;
    public long AudioInput;
    public long CachedAudioInput;
    public long ImageInput;
    public long CachedImageInput;
    public long TextOutput;
    public long AudioOutput;

    public readonly long Input => checked(TextInput + CachedTextInput + AudioInput + CachedAudioInput + ImageInput + CachedImageInput);

    public readonly long CachedInput => checked(CachedTextInput + CachedAudioInput + CachedImageInput);

    public readonly long Output => checked(TextOutput + AudioOutput);

    /// <summary>The parts as meters (one meter each).</summary>
    public readonly Pricing.Usage ToUsage() => Usage.Of(
        textInput: TextInput,
        cachedInput: CachedTextInput,
        audioInput: AudioInput,
        cachedAudioInput: CachedAudioInput,
        imageInput: ImageInput,
        cachedImageInput: CachedImageInput,
        textOutput: TextOutput,
        audioOutput: AudioOutput);

    /// <summary>The parts of OpenAI's totals in their subset form (Chat Completions, the Usage API's "all modalities"
    /// input_tokens, OpenAI-column CSV): audio and cached tokens are inside the totals, so text is what is left per
    /// direction, and cached tokens are cached text. The caller has checked that no part exceeds its total.</summary>
    public static UsageParts FromSubsetTotals(long input, long cached, long audioIn, long output, long audioOut) => new()
    {
        TextInput = input - audioIn - cached,
        CachedTextInput = cached,
        AudioInput = audioIn,
        TextOutput = output - audioOut,
        AudioOutput = audioOut,
    };

    /// <summary>Part <paramref name="index"/> of <paramref name="count"/> equal shares (the first remainder shares get one more token).</summary>
    public readonly UsageParts Share(long index, long count)
    {
        return new UsageParts
        {
            TextInput = Split(TextInput, index, count),
            CachedTextInput = Split(CachedTextInput, index, count),
            AudioInput = Split(AudioInput, index, count),
            CachedAudioInput = Split(CachedAudioInput, index, count),
            ImageInput = Split(ImageInput, index, count),
            CachedImageInput = Split(CachedImageInput, index, count),
            TextOutput = Split(TextOutput, index, count),
            AudioOutput = Split(AudioOutput, index, count),
        };
    }

    private static long Split(long total, long index, long count) => (total / count) + (index < total % count ? 1 : 0);
}
