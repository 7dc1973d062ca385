namespace Planner.Core.Ingest;

/// <summary>Measures a <see cref="Calibration"/> from a response log or Realtime events, in one pass.</summary>
public static class Calibrator
{
    /// <summary>Reads every request of <paramref name="source"/>.</summary>
    /// <remarks>Cache-hit share: a Realtime Response re-sends the whole conversation, so what it could have found in
    /// the cache is the conversation up to the previous Response of its session: that Response's input plus its output.
    /// cacheable = min(input, previous input + previous output); the first Response of a session has none. The share is
    /// the sum of those Responses' cached input (text, audio and image) over the sum of their cacheable input: 1.0 means every token that was
    /// sent before came from the cache. OpenAI caches prefixes of 1,024 tokens and more only, and best-effort.</remarks>
    public static Calibration Measure(JsonLinesSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        long requests = 0;
        decimal inSeconds = 0, outSeconds = 0;
        long inAudio = 0, outAudio = 0, inLines = 0, outLines = 0;
        long cached = 0, cachedAfterFirst = 0, cacheable = 0, cacheableResponses = 0, input = 0;
        long output = 0, max = 0, maxRequests = 0;
        int session = -1;
        long previous = -1;
        while (source.TryRead(out _))
        {
            requests++;
            ref readonly var line = ref source.Current;
            var parts = line.Parts;
            long audioIn = parts.AudioInput + parts.CachedAudioInput;
            if (line.InputAudioSeconds > 0 && audioIn > 0)
            {
                inSeconds += line.InputAudioSeconds;
                inAudio += audioIn;
                inLines++;
            }

            if (line.OutputAudioSeconds > 0 && parts.AudioOutput > 0)
            {
                outSeconds += line.OutputAudioSeconds;
                outAudio += parts.AudioOutput;
                outLines++;
            }

            input += parts.Input;
            cached += parts.CachedInput;
            if (source.Format == RealtimeEventSource.FormatKey)
            {
                if (source.Session != session)
                {
                    session = source.Session;
                    previous = -1;
                }

                if (previous > 0)
                {
                    cacheable += Math.Min(parts.Input, previous);
                    cachedAfterFirst += parts.CachedInput;
                    cacheableResponses++;
                }

                previous = parts.Input + parts.Output;
            }

            if (line.MaxTokens > 0)
            {
                output += parts.Output;
                max += line.MaxTokens;
                maxRequests++;
            }
        }

        return new Calibration
        {
            Requests = requests,
            AudioInputTokensPerSecond = inSeconds > 0 ? (double)(inAudio / inSeconds) : null,
            AudioInputLines = inLines,
            AudioOutputTokensPerSecond = outSeconds > 0 ? (double)(outAudio / outSeconds) : null,
            AudioOutputLines = outLines,
            CacheHitShare = cacheable > 0 ? Math.Min(1.0, (double)cachedAfterFirst / cacheable) : null,
            CacheableResponses = cacheableResponses,
            CachedInputShare = input > 0 ? (double)cached / input : null,
            MaxTokensUsed = max > 0 ? (double)output / max : null,
            MaxTokensRequests = maxRequests,
        };
    }
}
