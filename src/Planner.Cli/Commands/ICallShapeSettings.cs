namespace Planner.Cli.Commands;

/// <summary>The options that describe one call (its turns, its audio and text, and the assumptions it is priced
/// under), as <c>call</c>, <c>capacity</c>, <c>project</c> and <c>migrate</c> take them. The logic lives once, in
/// <see cref="CallShapeInput"/>.</summary>
public interface ICallShapeSettings
{
    int? Turns { get; }
    decimal? Minutes { get; }
    decimal TalkShare { get; }
    decimal? UserAudioSeconds { get; }
    decimal? AssistantAudioSeconds { get; }
    long SystemTextTokens { get; }
    long ToolTextTokens { get; }
    long UserTextTokens { get; }
    long AssistantTextTokens { get; }
    decimal? CacheHit { get; }
    decimal RetentionRatio { get; }
    string? Truncation { get; }
    long? MaxOutputTokens { get; }
}
