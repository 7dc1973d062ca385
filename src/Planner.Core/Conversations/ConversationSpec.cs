using Planner.Core.Units;

namespace Planner.Core.Conversations;

/// <summary>A multi-turn voice conversation in which every turn resends the whole history.</summary>
public sealed record ConversationSpec
{
    /// <summary>The most turns costed: 100,000 (a turn of any audio at all overflows a 128,000-token context
    /// long before; the bound keeps a silent conversation from allocating without limit).</summary>
    public const int MaxTurns = 100_000;

    /// <summary>Turns (one user message and one assistant reply each). Must be 1 to <see cref="MaxTurns"/>.</summary>
    public required int Turns { get; init; }

    /// <summary>Audio the user speaks each turn.</summary>
    public required AudioDuration UserAudio { get; init; }

    /// <summary>Audio the assistant speaks each turn.</summary>
    public required AudioDuration AssistantAudio { get; init; }

    /// <summary>System prompt text tokens sent with every turn. The default value is 0.</summary>
    public TokenCount SystemTextTokens { get; init; } = TokenCount.Zero;
}
