using Planner.Core.Pricing;
using Planner.Core.Units;

namespace Planner.Core.Calls;

/// <summary>One Response's (or request's) tokens by modality, with the cached part of each input modality
/// apart: cached tokens are a subset of each modality's input, as OpenAI reports them.</summary>
/// <param name="TextInput">All text input (instructions, tools, text history, the new user text), cached included.</param>
/// <param name="AudioInput">All audio input (the audio history and the new user audio), cached included.</param>
/// <param name="CachedText">The part of <paramref name="TextInput"/> billed at the cached rate.</param>
/// <param name="CachedAudio">The part of <paramref name="AudioInput"/> billed at the cached rate.</param>
/// <param name="TextOutput">Text the reply produces.</param>
/// <param name="AudioOutput">Audio the reply produces.</param>
public readonly record struct ResponseTokens(
    TokenCount TextInput,
    TokenCount AudioInput,
    TokenCount CachedText,
    TokenCount CachedAudio,
    TokenCount TextOutput,
    TokenCount AudioOutput)
{
    /// <summary>Text + audio input, cached included.</summary>
    public TokenCount InputTokens => TextInput + AudioInput;

    /// <summary>Text + audio output.</summary>
    public TokenCount OutputTokens => TextOutput + AudioOutput;

    /// <summary>The disjoint meters this bills on. The one place where a call's modalities meet the meters.</summary>
    public Usage ToUsage() => Usage.Of(
        textInput: (TextInput - CachedText).Value,
        cachedInput: CachedText.Value,
        audioInput: (AudioInput - CachedAudio).Value,
        cachedAudioInput: CachedAudio.Value,
        textOutput: TextOutput.Value,
        audioOutput: AudioOutput.Value);

    /// <summary>Modality-by-modality sum.</summary>
    public static ResponseTokens operator +(ResponseTokens a, ResponseTokens b) => new(
        a.TextInput + b.TextInput, a.AudioInput + b.AudioInput, a.CachedText + b.CachedText, a.CachedAudio + b.CachedAudio,
        a.TextOutput + b.TextOutput, a.AudioOutput + b.AudioOutput);
}
