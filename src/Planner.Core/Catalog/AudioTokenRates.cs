using Planner.Core.Units;

namespace Planner.Core.Catalog;

/// <summary>How audio durations convert to tokens.</summary>
/// <remarks>OpenAI documents 1 token per 100 ms of user audio and 1 per 50 ms of assistant audio for
/// the Realtime API; applying it to Chat Completions audio models is an assumption (docs/catalog-facts.md).</remarks>
public sealed record AudioTokenRates
{
    /// <summary>Tokens per second of input (user) audio. The default value is 10.</summary>
    public required AudioTokenRate Input { get; init; }

    /// <summary>Tokens per second of output (assistant) audio. The default value is 20.</summary>
    public required AudioTokenRate Output { get; init; }

    public required Source Source { get; init; }
}
