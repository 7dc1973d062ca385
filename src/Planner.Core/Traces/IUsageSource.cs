namespace Planner.Core.Traces;

/// <summary>Where a command gets its priced requests: a CSV trace, a response log, Realtime events or Usage API
/// pages (src/Planner.Core/Usage). Read once, in time order where the format allows, in memory that does not
/// grow with the input.</summary>
public interface IUsageSource : IDisposable
{
    /// <summary>The file (or directory) being read, as given.</summary>
    string Path { get; }

    /// <summary>The format read, e.g. "planner-csv", "response-log" (see <c>UsageFormats</c>).</summary>
    string Format { get; }

    /// <summary>Rows read so far (valid and rejected; headers, blank lines and skipped events are not rows).</summary>
    long RowsRead { get; }

    /// <summary>Valid requests returned so far.</summary>
    long RowsPriced { get; }

    /// <summary>The rejected rows so far.</summary>
    TraceRejections Rejections { get; }

    /// <summary>The input's length in bytes (for progress).</summary>
    long FileLength { get; }

    /// <summary>Bytes read so far (for progress).</summary>
    long BytePosition { get; }

    /// <summary>True once a row's audio was given in seconds and converted with the audio-token rates.</summary>
    bool ConvertedAudioSeconds { get; }

    /// <summary>What the reader assumed (stated in every output), e.g. which definition of input_tokens it used.</summary>
    IReadOnlyList<string> Assumptions { get; }

    /// <summary>Reads the next valid request; rejected rows on the way are recorded (with SkipInvalid) or thrown.</summary>
    /// <returns>False at the end of the input.</returns>
    /// <exception cref="PlannerException">Without SkipInvalid, the first bad row: "FILE:LINE: FIELD: reason".</exception>
    bool TryRead(out TraceRequest request);

    /// <summary>The group-by value of the request last returned (e.g. its project_id), or null when the input has none.</summary>
    string? GroupOf(UsageGroupBy by);
}
