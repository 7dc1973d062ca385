namespace Planner.Core.Ingest;

/// <summary>What a Usage API result's input_tokens counts: the spec changed its definition.</summary>
public enum InputTokensDefinition
{
    /// <summary>Older spec versions: text input tokens only (cached text included); audio is apart in input_audio_tokens.</summary>
    TextOnly,

    /// <summary>Newer spec versions: input tokens of every modality, cached and audio included.</summary>
    AllModalities,
}
