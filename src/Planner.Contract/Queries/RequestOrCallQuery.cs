using System.Globalization;
using Planner.Core.Calls;
using Planner.Core.Units;

namespace Planner.Contract.Queries;

/// <summary>A request shape or a call: the query part of commands that take either (capacity, project, migrate) and of
/// call, which takes the call alone. A call is meant when any call field is given.</summary>
public record RequestOrCallQuery : RequestShapeQuery
{
    /// <summary>Turns in the call (a user message and an assistant reply each). Must be 1 to 100,000. Give this or <see cref="Minutes"/>.</summary>
    public int? Turns { get; init; }

    /// <summary>Call length in minutes: turns = ceiling(minutes x 60 x talk share / audio seconds a turn). Must be > 0 and at most 1,440.</summary>
    public decimal? Minutes { get; init; }

    /// <summary>With <see cref="Minutes"/>: the share of the call that is speech. The default value is 1. Must be > 0 and at most 1.</summary>
    public decimal TalkShare { get; init; } = CallDefaults.TalkShare;

    /// <summary>Seconds of user audio each turn. Must be >= 0.</summary>
    public decimal? UserAudioSeconds { get; init; }

    /// <summary>Seconds of assistant audio each turn. Must be >= 0.</summary>
    public decimal? AssistantAudioSeconds { get; init; }

    /// <summary>System prompt tokens sent with every turn. The default value is 0.</summary>
    public long SystemTextTokens { get; init; }

    /// <summary>Tool definition tokens sent with every turn. The default value is 0.</summary>
    public long ToolTextTokens { get; init; }

    /// <summary>Text tokens the user sends each turn besides audio. The default value is 0.</summary>
    public long UserTextTokens { get; init; }

    /// <summary>Text tokens the assistant writes each turn besides audio. The default value is 0.</summary>
    public long AssistantTextTokens { get; init; }

    /// <summary>Share of each Response's cacheable prefix billed at the cached rate, 0 to 1. The default value is 0.5.</summary>
    public decimal? CacheHit { get; init; }

    /// <summary>Realtime truncation: the share of the limit kept. The default value is 1.0. Must be > 0 and at most 1.</summary>
    public decimal RetentionRatio { get; init; } = CallDefaults.RetentionRatio;

    /// <summary>Realtime truncation: "retention_ratio" (the default) or "disabled".</summary>
    public string? Truncation { get; init; }

    /// <summary>Max output tokens per Response. The default value is the model's output cap. Must be >= 1.</summary>
    public long? MaxOutputTokens { get; init; }

    /// <summary>True when any call field is given (so the query is about calls, not one request).</summary>
    public bool IsCall =>
        Turns is not null || Minutes is not null || UserAudioSeconds is not null || AssistantAudioSeconds is not null
        || SystemTextTokens != 0 || ToolTextTokens != 0 || UserTextTokens != 0 || AssistantTextTokens != 0;

    /// <summary>True when any request-shape field was given.</summary>
    public bool HasRequestShape => TextIn != 0 || CachedIn != 0 || AudioIn is not null || AudioInSeconds is not null || TextOut != 0 || AudioOut is not null || AudioOutSeconds is not null;

    /// <summary>The request shape's problems, then for a call every problem with the call fields (and a request shape
    /// given beside a call); a request of nothing when it is not a call.</summary>
    public override IReadOnlyList<FieldError> Validate() => RequestOrCallErrors(lengthRequired: true);

    /// <summary>See <see cref="Validate"/>; <paramref name="lengthRequired"/> false when a call may take its length elsewhere.</summary>
    public List<FieldError> RequestOrCallErrors(bool lengthRequired)
    {
        var errors = new List<FieldError>(ShapeErrors());
        if (!IsCall)
        {
            return errors;
        }

        if (HasRequestShape)
        {
            errors.Add(new("turns", "give a request shape (text_in, audio_in_seconds, ...) or a call (turns, user_audio_seconds, ...), not both"));
        }

        errors.AddRange(CallErrors(lengthRequired));
        return errors;
    }

    /// <summary>Every problem with the call fields at once.</summary>
    public List<FieldError> CallErrors(bool lengthRequired = true)
    {
        var errors = new List<FieldError>();
        if (Turns is not null && Minutes is not null)
        {
            errors.Add(new("turns", "give turns or minutes, not both"));
        }
        else if (lengthRequired && Turns is null && Minutes is null)
        {
            errors.Add(new("turns", "turns or minutes is required, e.g. 8 turns or 4 minutes"));
        }

        if (Turns is < 1 or > CallDefaults.MaxTurns)
        {
            errors.Add(new("turns", $"turns must be 1 to 100,000, got {Turns}"));
        }

        if (Minutes is { } minutes && minutes is <= 0m or > 1_440m)
        {
            errors.Add(new("minutes", $"minutes must be > 0 and at most 1,440, got {D(minutes)}"));
        }

        if (TalkShare is <= 0m or > 1m)
        {
            errors.Add(new("talk_share", $"talk_share must be > 0 and at most 1, got {D(TalkShare)}"));
        }

        foreach (var (name, value) in new[] { ("user_audio_seconds", UserAudioSeconds), ("assistant_audio_seconds", AssistantAudioSeconds) })
        {
            if (value is { } seconds && !AudioDuration.TryFromSeconds(seconds, out _, out var error))
            {
                errors.Add(new(name, $"{name} {error}, got {D(seconds)}"));
            }
        }

        if (Minutes is not null && (UserAudioSeconds ?? 0) + (AssistantAudioSeconds ?? 0) <= 0)
        {
            errors.Add(new("minutes", "minutes needs user_audio_seconds or assistant_audio_seconds > 0 to derive turns from"));
        }

        foreach (var (name, value) in new[] { ("system_text_tokens", SystemTextTokens), ("tool_text_tokens", ToolTextTokens), ("user_text_tokens", UserTextTokens), ("assistant_text_tokens", AssistantTextTokens) })
        {
            if (value < 0)
            {
                errors.Add(new(name, $"{name} must be >= 0, got {value}"));
            }
        }

        if (CacheHit is { } hit && hit is < 0m or > 1m)
        {
            errors.Add(new("cache_hit", $"cache_hit must be 0 to 1, got {D(hit)}"));
        }

        if (RetentionRatio is <= 0m or > 1m)
        {
            errors.Add(new("retention_ratio", $"retention_ratio must be > 0 and at most 1, got {D(RetentionRatio)}"));
        }

        if (Truncation is not (null or "retention_ratio" or "disabled"))
        {
            errors.Add(new("truncation", $"truncation must be 'retention_ratio' or 'disabled', got '{Truncation}'"));
        }

        if (MaxOutputTokens is < 1)
        {
            errors.Add(new("max_output_tokens", $"max_output_tokens must be >= 1, got {MaxOutputTokens}"));
        }

        return errors;
    }

    /// <summary>The call the fields describe (after <see cref="CallErrors"/> found none); <paramref name="minutes"/>
    /// overrides <see cref="Minutes"/> (a drawn call length).</summary>
    public CallShape ToCallShape(decimal? minutes = null)
    {
        var perTurn = new CallShape
        {
            Turns = Turns ?? 1,
            UserAudio = AudioDuration.FromSeconds(UserAudioSeconds ?? 0m),
            AssistantAudio = AudioDuration.FromSeconds(AssistantAudioSeconds ?? 0m),
            SystemTextTokens = new TokenCount(SystemTextTokens),
            ToolTextTokens = new TokenCount(ToolTextTokens),
            UserTextTokens = new TokenCount(UserTextTokens),
            AssistantTextTokens = new TokenCount(AssistantTextTokens),
        };
        return (minutes ?? Minutes) is { } m ? CallShape.FromMinutes(m, TalkShare, perTurn) : perTurn;
    }

    /// <summary>The assumptions the call fields set.</summary>
    public CallOptions ToCallOptions() => new()
    {
        CacheHitShare = CacheHit ?? CallDefaults.CacheHitShare,
        RetentionRatio = RetentionRatio,
        Truncation = Truncation == "disabled" ? TruncationMode.Disabled : TruncationMode.RetentionRatio,
        MaxOutputTokens = MaxOutputTokens is { } max ? new TokenCount(max) : null,
    };

    private static string D(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
