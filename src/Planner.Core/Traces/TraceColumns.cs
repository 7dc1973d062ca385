namespace Planner.Core.Traces;

/// <summary>The column names of a trace (docs/trace-format.md); matched by name, in any order.</summary>
public static class TraceColumns
{
    public const string Timestamp = "timestamp";
    public const string Model = "model";
    public const string InputTextTokens = "input_text_tokens";
    public const string CachedInputTokens = "cached_input_tokens";
    public const string InputAudioTokens = "input_audio_tokens";
    public const string OutputTextTokens = "output_text_tokens";
    public const string OutputAudioTokens = "output_audio_tokens";
    public const string InputAudioSeconds = "input_audio_seconds";
    public const string OutputAudioSeconds = "output_audio_seconds";
    public const string MaxTokens = "max_tokens";
    public const string RequestId = "request_id";
}
