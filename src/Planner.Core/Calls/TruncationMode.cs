namespace Planner.Core.Calls;

/// <summary>What the Realtime server does when a Response's input passes the truncation limit.</summary>
public enum TruncationMode
{
    /// <summary>OpenAI's default (<c>retention_ratio</c>): drop the oldest turns and carry on.</summary>
    RetentionRatio,

    /// <summary><c>"disabled"</c>: the Response fails instead.</summary>
    Disabled,
}
