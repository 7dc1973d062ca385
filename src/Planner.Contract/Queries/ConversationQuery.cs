using System.Globalization;
using Planner.Core.Conversations;
using Planner.Core.Units;

namespace Planner.Contract.Queries;

/// <summary>The inputs of <c>conversation</c>: a multi-turn voice conversation, every turn resending the history.</summary>
public sealed record ConversationQuery : IQuery
{
    /// <summary>Model id, alias or snapshot. Required.</summary>
    public string Model { get; init; } = "";

    /// <summary>Turns (a user message and an assistant reply each). Must be 1 to 100,000.</summary>
    public int Turns { get; init; }

    /// <summary>Seconds of user audio each turn. Must be >= 0.</summary>
    public decimal UserAudioSeconds { get; init; }

    /// <summary>Seconds of assistant audio each turn. Must be >= 0.</summary>
    public decimal AssistantAudioSeconds { get; init; }

    /// <summary>System prompt tokens sent every turn. The default value is 0.</summary>
    public long SystemTextTokens { get; init; }

    /// <summary>Overrides the catalog's user audio rate (tokens per second).</summary>
    public decimal? AudioInRate { get; init; }

    /// <summary>Overrides the catalog's assistant audio rate (tokens per second).</summary>
    public decimal? AudioOutRate { get; init; }

    /// <summary>Price at the prices in effect at this date or instant. The default value is now.</summary>
    public string? At { get; init; }

    /// <summary>Every problem at once.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Model))
        {
            errors.Add(new("model", "model is required, e.g. gpt-audio-mini"));
        }

        if (Turns is < 1 or > ConversationSpec.MaxTurns)
        {
            errors.Add(new("turns", $"turns must be 1 to 100,000, got {Turns}"));
        }

        foreach (var (name, value) in new[] { ("user_audio_seconds", UserAudioSeconds), ("assistant_audio_seconds", AssistantAudioSeconds) })
        {
            if (!AudioDuration.TryFromSeconds(value, out _, out var error))
            {
                errors.Add(new(name, $"{name} {error}, got {value.ToString(CultureInfo.InvariantCulture)}"));
            }
        }

        if (SystemTextTokens is < 0 or > TokenCount.MaxPerRequest)
        {
            errors.Add(new("system_text_tokens", $"system_text_tokens must be a token count from 0 to {TokenCount.MaxPerRequest.ToString("N0", CultureInfo.InvariantCulture)} (what one request can carry), got {SystemTextTokens.ToString(CultureInfo.InvariantCulture)}"));
        }

        RequestShapeQuery.AddRateAndDateErrors(errors, AudioInRate, AudioOutRate, At);
        return errors;
    }

    /// <summary>The conversation the fields describe (after <see cref="Validate"/> found nothing).</summary>
    public ConversationSpec ToSpec() => new()
    {
        Turns = Turns,
        UserAudio = AudioDuration.FromSeconds(UserAudioSeconds),
        AssistantAudio = AudioDuration.FromSeconds(AssistantAudioSeconds),
        SystemTextTokens = new TokenCount(SystemTextTokens),
    };
}
