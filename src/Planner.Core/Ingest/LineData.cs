namespace Planner.Core.Ingest;

/// <summary>What one JSON line said, before it is resolved and priced. Reused from line to line.</summary>
internal struct LineData
{
    /// <summary>UTC ticks, or -1 when the line has no timestamp.</summary>
    public long Ticks;

    /// <summary>The model name's length in <see cref="JsonLinesSource.ModelName"/>, or -1 when the line names none.</summary>
    public int ModelLength;

    public UsageParts Parts;

    /// <summary>The max_tokens (or max_output_tokens) the request asked for, or -1.</summary>
    public long MaxTokens;

    /// <summary>Seconds of input audio when the line carries them, else -1.</summary>
    public decimal InputAudioSeconds;

    /// <summary>Seconds of output audio when the line carries them, else -1.</summary>
    public decimal OutputAudioSeconds;

    public void Reset()
    {
        Ticks = -1;
        ModelLength = -1;
        Parts = default;
        MaxTokens = -1;
        InputAudioSeconds = -1;
        OutputAudioSeconds = -1;
    }
}
