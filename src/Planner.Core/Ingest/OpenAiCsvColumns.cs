namespace Planner.Core.Ingest;

/// <summary>The OpenAI column names a CSV may carry (Chat Completions usage fields and Usage API result fields).</summary>
public static class OpenAiCsvColumns
{
    public const string PromptTokens = "prompt_tokens";
    public const string CompletionTokens = "completion_tokens";
    public const string InputTokens = "input_tokens";
    public const string OutputTokens = "output_tokens";
    public const string InputCachedTokens = "input_cached_tokens";
    public const string InputAudioTokens = "input_audio_tokens";
    public const string OutputAudioTokens = "output_audio_tokens";
    public const string NumModelRequests = "num_model_requests";
    public const string StartTime = "start_time";
    public const string StartTimeIso = "start_time_iso";
    public const string Model = "model";
    public const string ProjectId = "project_id";
    public const string UserId = "user_id";
    public const string ApiKeyId = "api_key_id";

    /// <summary>The columns that carry tokens or requests (a CSV needs at least one that Planner reads).</summary>
    public static IReadOnlyList<string> Usage { get; } =
        [PromptTokens, CompletionTokens, InputTokens, OutputTokens, InputCachedTokens, OutputAudioTokens, NumModelRequests];
}
