using System.Text.Json.Serialization;

namespace Planner.Contract.Results;

/// <summary>The result of <c>calibrate</c>: what a response log or Realtime events measure of the assumptions (statistics,
/// rounded to 6 places; null where the log has nothing to measure) and the options other commands take to use them.</summary>
public sealed record CalibrateResult : TraceRowsResult
{
    /// <summary>The log's format (response-log or realtime-events).</summary>
    public required string Format { get; init; }

    /// <summary>Events of other types, skipped.</summary>
    public required long EventsSkipped { get; init; }

    /// <summary>The skipped events per type, for tables.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, long> SkippedByType { get; init; } = new Dictionary<string, long>();

    public required long Requests { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? AudioInputTokensPerSecond { get; init; }

    public long AudioInputLines { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? AudioOutputTokensPerSecond { get; init; }

    public long AudioOutputLines { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? CacheHitShare { get; init; }

    public long CacheableResponses { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? CachedInputShare { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? MaxTokensUsed { get; init; }

    public long MaxTokensRequests { get; init; }

    /// <summary>The measured figures as the options other commands take ("--audio-in-rate 10.46 --audio-out-rate 20.49"), or "".</summary>
    public required string Options { get; init; }

    public required IReadOnlyList<WarningItem> Warnings { get; init; }
}
