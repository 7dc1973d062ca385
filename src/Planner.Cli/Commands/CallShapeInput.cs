using System.Globalization;
using Planner.Core.Calls;
using Planner.Core.Units;

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
    public static bool IsGiven(ICallShapeSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.Turns is not null || s.Minutes is not null || s.UserAudioSeconds is not null || s.AssistantAudioSeconds is not null
            || s.SystemTextTokens != 0 || s.ToolTextTokens != 0 || s.UserTextTokens != 0 || s.AssistantTextTokens != 0;
    }

    /// <summary>Every problem with the call options at once, naming the options.</summary>
    public static List<string> Problems(ICallShapeSettings s, bool lengthRequired = true)
    {
        ArgumentNullException.ThrowIfNull(s);
        var problems = new List<string>();
        if (s.Turns is not null && s.Minutes is not null)
        {
            problems.Add("give --turns or --minutes, not both");
        }
        else if (lengthRequired && s.Turns is null && s.Minutes is null)
        {
            problems.Add("--turns or --minutes is required, e.g. --turns 8 or --minutes 4");
        }

        if (s.Turns is < 1 or > CallDefaults.MaxTurns)
        {
            problems.Add($"--turns must be 1 to 100,000, got {s.Turns}");
        }

        if (s.Minutes is { } minutes && minutes is <= 0m or > 1_440m)
        {
            problems.Add($"--minutes must be > 0 and at most 1,440, got {D(minutes)}");
        }

        if (s.TalkShare is <= 0m or > 1m)
        {
            problems.Add($"--talk-share must be > 0 and at most 1, got {D(s.TalkShare)}");
        }

        foreach (var (name, value) in new[] { ("--user-audio-seconds", s.UserAudioSeconds), ("--assistant-audio-seconds", s.AssistantAudioSeconds) })
        {
            if (value is { } seconds && !AudioDuration.TryFromSeconds(seconds, out _, out var error))
            {
                problems.Add($"{name} {error}, got {D(seconds)}");
            }
        }

        if (s.Minutes is not null && (s.UserAudioSeconds ?? 0) + (s.AssistantAudioSeconds ?? 0) <= 0)
        {
            problems.Add("--minutes needs --user-audio-seconds or --assistant-audio-seconds > 0 to derive turns from");
        }

        foreach (var (name, value) in new[] { ("--system-text-tokens", s.SystemTextTokens), ("--tool-text-tokens", s.ToolTextTokens), ("--user-text-tokens", s.UserTextTokens), ("--assistant-text-tokens", s.AssistantTextTokens) })
        {
            if (value < 0)
            {
                problems.Add($"{name} must be >= 0, got {value}");
            }
        }

        if (s.CacheHit is { } hit && hit is < 0m or > 1m)
        {
            problems.Add($"--cache-hit must be 0 to 1, got {D(hit)}");
        }

        if (s.RetentionRatio is <= 0m or > 1m)
        {
            problems.Add($"--retention-ratio must be > 0 and at most 1, got {D(s.RetentionRatio)}");
        }

        if (s.Truncation is not (null or "retention_ratio" or "disabled"))
        {
            problems.Add($"--truncation must be 'retention_ratio' or 'disabled', got '{s.Truncation}'");
        }

        if (s.MaxOutputTokens is < 1)
        {
            problems.Add($"--max-output-tokens must be >= 1, got {s.MaxOutputTokens}");
        }

        return problems;
    }

    /// <summary>The call the options describe (after <see cref="Problems"/> found none).</summary>
    public static CallShape ToShape(ICallShapeSettings s, decimal? minutes = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        var perTurn = new CallShape
        {
            Turns = s.Turns ?? 1,
            UserAudio = AudioDuration.FromSeconds(s.UserAudioSeconds ?? 0m),
            AssistantAudio = AudioDuration.FromSeconds(s.AssistantAudioSeconds ?? 0m),
            SystemTextTokens = new TokenCount(s.SystemTextTokens),
            ToolTextTokens = new TokenCount(s.ToolTextTokens),
            UserTextTokens = new TokenCount(s.UserTextTokens),
            AssistantTextTokens = new TokenCount(s.AssistantTextTokens),
        };
        return (minutes ?? s.Minutes) is { } m ? CallShape.FromMinutes(m, s.TalkShare, perTurn) : perTurn;
    }

    /// <summary>The assumptions the options set.</summary>
    public static CallOptions ToOptions(ICallShapeSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new CallOptions
        {
            CacheHitShare = s.CacheHit ?? CallDefaults.CacheHitShare,
            RetentionRatio = s.RetentionRatio,
            Truncation = s.Truncation == "disabled" ? TruncationMode.Disabled : TruncationMode.RetentionRatio,
            MaxOutputTokens = s.MaxOutputTokens is { } max ? new TokenCount(max) : null,
        };
    }

    private static string D(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
