using Planner.Core.Ingest;
using Planner.Core.Traces;

namespace Planner.Contract.Queries;

/// <summary>The inputs of <c>calibrate</c>: how the log is read. The log itself is not a field: the service takes the opened source.</summary>
public sealed record CalibrateQuery : IQuery
{
    /// <summary>Read the log as response-log or realtime-events instead of detecting it.</summary>
    public string? Format { get; init; }

    /// <summary>Count and list bad lines and go on, instead of stopping at the first. The default value is false.</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>The model of every line (for events without a session.created).</summary>
    public string? ModelOverride { get; init; }

    /// <summary>Every problem at once, by field name.</summary>
    public IReadOnlyList<FieldError> Validate() =>
        Format is { } f && f is not (ResponseLogSource.FormatKey or RealtimeEventSource.FormatKey)
            ? [new("format", $"format must be {ResponseLogSource.FormatKey} or {RealtimeEventSource.FormatKey}, got '{f}'")]
            : [];

    /// <summary>The reader options of the log. <paramref name="now"/> places lines without a time (their day is today's).</summary>
    public TraceOptions ToTraceOptions(DateTimeOffset now) => new()
    {
        SkipInvalid = SkipInvalid,
        Format = Format,
        ModelOverride = ModelOverride,
        UntimedOrigin = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero),
    };
}
