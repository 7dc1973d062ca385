namespace Planner.Core.Ingest;

/// <summary>One organization.usage.completions.result as read (before the input_tokens definition is applied).</summary>
internal sealed class UsageResult
{
    public long Line;
    public long InputTokens = -1;
    public long OutputTokens = -1;
    public long InputCachedTokens;
    public long InputAudioTokens;
    public long OutputAudioTokens;
    public long Requests = -1;
    public string? Object;
    public string? Model;
    public string? ProjectId;
    public string? UserId;
    public string? ApiKeyId;
    public string? Batch;
    public string? ServiceTier;

    /// <summary>True when the numbers rule out the all-modalities definition of input_tokens (or output_tokens).</summary>
    public bool ProvesTextOnly => InputTokens >= 0 && (InputTokens < InputAudioTokens + InputCachedTokens || (OutputTokens >= 0 && OutputTokens < OutputAudioTokens));
}
