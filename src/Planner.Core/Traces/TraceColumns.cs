using Planner.Core.Catalog;

namespace Planner.Core.Traces;

/// <summary>The column names of a trace (docs/trace-format.md); matched by name, in any order. Each
/// meter's token column comes from <see cref="MeterTable"/>; the constants name the common ones.</summary>
public static class TraceColumns
{
    public const string Timestamp = "timestamp";
    public const string Model = "model";
    public const string InputTextTokens = "input_text_tokens";
    public const string CachedInputTokens = "cached_input_tokens";
    public const string InputAudioTokens = "input_audio_tokens";
    public const string CachedInputAudioTokens = "cached_input_audio_tokens";
    public const string InputImageTokens = "input_image_tokens";
    public const string CachedInputImageTokens = "cached_input_image_tokens";
    public const string OutputTextTokens = "output_text_tokens";
    public const string OutputAudioTokens = "output_audio_tokens";
    public const string InputAudioSeconds = "input_audio_seconds";
    public const string OutputAudioSeconds = "output_audio_seconds";
    public const string MaxTokens = "max_tokens";
    public const string RequestId = "request_id";

    /// <summary>The token column of one meter.</summary>
    public static string TokenColumn(Meter meter) => meter.Info().TraceColumn;

    /// <summary>The column that may give a meter's tokens as seconds of audio (converted with the
    /// audio-token rates), or null: only uncached audio input and audio output have one.</summary>
    public static string? SecondsColumn(Meter meter) => meter switch
    {
        Meter.AudioInput => InputAudioSeconds,
        Meter.AudioOutput => OutputAudioSeconds,
        _ => null,
    };
}
