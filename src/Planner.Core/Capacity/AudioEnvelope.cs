using Planner.Core.Units;

namespace Planner.Core.Capacity;

/// <summary>The most audio one request can carry under a model's caps.</summary>
/// <param name="MaxOutputAudio">The output cap as audio (16,384 tokens at 20/s = 819.2 s).</param>
/// <param name="MaxInputAudio">The input audio that fits beside the request's other input and its reserved output.</param>
/// <param name="MaxInputAudioAlone">The whole context window as input audio (128,000 at 10/s = 12,800 s).</param>
public sealed record AudioEnvelope(AudioDuration MaxOutputAudio, AudioDuration MaxInputAudio, AudioDuration MaxInputAudioAlone);
