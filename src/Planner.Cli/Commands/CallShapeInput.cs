using Planner.Cli.Infrastructure;
using Planner.Contract.Queries;
using Planner.Core.Calls;

namespace Planner.Cli.Commands;

/// <summary>Checks and reads the call options of <see cref="ICallShapeSettings"/>: one place for every command that takes a call.</summary>
public static class CallShapeInput
{
    /// <summary>Help texts, declared once for every settings class that carries the options.</summary>
    public const string TurnsHelp = "Turns in the call (a user message and an assistant reply each). Must be 1 to 100,000. Give this or --minutes.";
    public const string MinutesHelp = "Call length in minutes: turns = ceiling(minutes x 60 x talk share / (user + assistant audio seconds a turn)). Give this or --turns.";
    public const string TalkShareHelp = "With --minutes: the share of the call that is speech. The default value is 1 (every second is talk, the most turns). Must be > 0 and at most 1.";
    public const string UserAudioHelp = "Seconds of user audio each turn. Must be >= 0.";
    public const string AssistantAudioHelp = "Seconds of assistant audio each turn. Must be >= 0.";
    public const string SystemTextHelp = "System prompt (instructions) tokens sent with every turn. The default value is 0.";
    public const string ToolTextHelp = "Tool definition tokens sent with every turn. The default value is 0.";
    public const string UserTextHelp = "Text tokens the user sends each turn besides audio. The default value is 0.";
    public const string AssistantTextHelp = "Text tokens the assistant writes each turn besides audio. The default value is 0.";
    public const string CacheHitHelp = "Share of each Response's cacheable prefix (the previous Response's input) billed at the cached rate, 0 to 1. The default value is 0.5 (OpenAI's caching is best-effort; the output also shows 0 and 1).";
    public const string RetentionRatioHelp = "Realtime truncation: the share of the limit kept when the conversation passes it. The default value is 1.0 (OpenAI's server default).";
    public const string TruncationHelp = "Realtime truncation: 'retention_ratio' (the default: drop the oldest turns) or 'disabled' (the call fails at that turn).";
    public const string MaxOutputHelp = "Max output tokens per Response (reserved against TPM; on Realtime the truncation limit is the context window less it). The default value is the model's output cap.";

    /// <summary>True when any option of a call was given (so the command works on calls, not requests).</summary>
    public static bool IsGiven(ICallShapeSettings s) => WithCall(s, new RequestOrCallQuery()).IsCall;

    /// <summary><paramref name="query"/> with the call fields of <paramref name="s"/>.</summary>
    public static T WithCall<T>(ICallShapeSettings s, T query)
        where T : RequestOrCallQuery
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(query);
        RequestOrCallQuery call = query;
        return (T)(call with
        {
            Turns = s.Turns,
            Minutes = s.Minutes,
            TalkShare = s.TalkShare,
            UserAudioSeconds = s.UserAudioSeconds,
            AssistantAudioSeconds = s.AssistantAudioSeconds,
            SystemTextTokens = s.SystemTextTokens,
            ToolTextTokens = s.ToolTextTokens,
            UserTextTokens = s.UserTextTokens,
            AssistantTextTokens = s.AssistantTextTokens,
            CacheHit = s.CacheHit,
            RetentionRatio = s.RetentionRatio,
            Truncation = s.Truncation,
            MaxOutputTokens = s.MaxOutputTokens,
        });
    }

    /// <summary>Every problem with the call options at once, naming the options (the checks are
    /// <see cref="RequestOrCallQuery.CallErrors"/>'s).</summary>
    public static List<string> Problems(ICallShapeSettings s, bool lengthRequired = true) =>
        [.. WithCall(s, new RequestOrCallQuery()).CallErrors(lengthRequired).Select(FieldFlags.Message)];

    /// <summary>The call the options describe (after <see cref="Problems"/> found none).</summary>
    public static CallShape ToShape(ICallShapeSettings s, decimal? minutes = null) => WithCall(s, new RequestOrCallQuery()).ToCallShape(minutes);

    /// <summary>The assumptions the options set.</summary>
    public static CallOptions ToOptions(ICallShapeSettings s) => WithCall(s, new RequestOrCallQuery()).ToCallOptions();
}
