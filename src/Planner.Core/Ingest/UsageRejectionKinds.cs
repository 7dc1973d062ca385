namespace Planner.Core.Ingest;

/// <summary>The reason keys the OpenAI-format readers add to <see cref="Traces.TraceRejectionKinds"/>.</summary>
public static class UsageRejectionKinds
{
    /// <summary>A subset (audio, cached, a modality) larger than the total it is part of.</summary>
    public const string PartsExceedTotal = "parts_exceed_total";

    /// <summary>A line that is not valid JSON (truncated, malformed).</summary>
    public const string InvalidJson = "invalid_json";

    /// <summary>A line or result without the usage it must carry.</summary>
    public const string MissingUsage = "missing_usage";

    /// <summary>A bucket result with tokens but no requests.</summary>
    public const string ZeroRequests = "zero_requests";

    /// <summary>A 1d bucket asked to feed a simulation (a day says nothing about a minute).</summary>
    public const string BucketTooWide = "bucket_too_wide";
}
