namespace Planner.Core.Ingest;

/// <summary>What a response log or Realtime events say about the assumptions other commands make. Statistics, not money:
/// ratios are doubles. A figure is null when the log carries nothing to measure it from.</summary>
public sealed record Calibration
{
    /// <summary>Requests read.</summary>
    public required long Requests { get; init; }

    /// <summary>Input audio tokens (cached included) per second of input audio, over the lines that give input_audio_seconds.</summary>
    public double? AudioInputTokensPerSecond { get; init; }

    /// <summary>Lines that gave input audio seconds with input audio tokens.</summary>
    public long AudioInputLines { get; init; }

    /// <summary>Output audio tokens per second of output audio, over the lines that give output_audio_seconds.</summary>
    public double? AudioOutputTokensPerSecond { get; init; }

    /// <summary>Lines that gave output audio seconds with output audio tokens.</summary>
    public long AudioOutputLines { get; init; }

    /// <summary>Realtime: cached input / cacheable input over every Response after a session's first (see docs/usage-formats.md).</summary>
    public double? CacheHitShare { get; init; }

    /// <summary>Responses that had cacheable input (a Response after the first of its session).</summary>
    public long CacheableResponses { get; init; }

    /// <summary>Cached input tokens / all input tokens, over every request (what share of input billed at the cached rate).</summary>
    public double? CachedInputShare { get; init; }

    /// <summary>Output tokens / max_tokens, summed over the requests that give max_tokens.</summary>
    public double? MaxTokensUsed { get; init; }

    /// <summary>Requests that gave max_tokens.</summary>
    public long MaxTokensRequests { get; init; }
}
