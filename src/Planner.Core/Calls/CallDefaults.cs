namespace Planner.Core.Calls;

/// <summary>The defaults of a call's assumptions, in one place (a test pins them).</summary>
public static class CallDefaults
{
    /// <summary>The share of the cacheable prefix that bills at the cached rate: 0.5.</summary>
    /// <remarks>OpenAI calls Realtime caching "best-effort and not guaranteed" and publishes no hit rate; half
    /// way between never (0) and always (1) is the least-committal choice, and every call output shows the cost
    /// at 0 and at 1 beside it so the user sees how much rides on it.</remarks>
    public const decimal CacheHitShare = 0.5m;

    /// <summary>The share of the truncation limit kept when the server truncates: 1.0, OpenAI's server default.</summary>
    public const decimal RetentionRatio = 1.0m;

    /// <summary>The share of a call's length that is speech (user or assistant audio): 1.0, every second is talk,
    /// which makes the most turns (an upper bound on cost); lower it for calls with silence.</summary>
    public const decimal TalkShare = 1.0m;

    /// <summary>The most turns a call may have: 100,000.</summary>
    public const int MaxTurns = 100_000;
}
