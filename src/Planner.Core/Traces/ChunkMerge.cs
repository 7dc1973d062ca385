namespace Planner.Core.Traces;

/// <summary>The running state of merging a file's chunks in file order (for <c>price</c>'s chunked read and the chunked
/// simulation feed alike): the lines before the next chunk, the rows read and priced, and the last valid row, against
/// which the next chunk's first rows are order-checked.</summary>
internal sealed class ChunkMerge
{
    /// <summary>Lines before the next chunk: a chunk's line plus these is the line in the file.</summary>
    public long Lines { get; private set; }

    public long RowsRead { get; private set; }

    public long RowsPriced { get; private set; }

    public bool ConvertedAudioSeconds { get; private set; }

    /// <summary>The last valid row so far (its instant and its line in the file), or <see cref="long.MinValue"/> ticks.</summary>
    public (long Ticks, long Line) Last { get; private set; } = (long.MinValue, 0);

    /// <summary>Whether a chunk whose earliest order-checked row is at <paramref name="minOrderCheckedTicks"/> must be
    /// read again, continuing from <see cref="Continuation"/>.</summary>
    public bool MustReread(long minOrderCheckedTicks) => minOrderCheckedTicks < Last.Ticks;

    /// <summary>The last valid row with its line counted from the next chunk's start.</summary>
    public (long Ticks, long Line) Continuation => (Last.Ticks, Last.Line - Lines);

    /// <summary>The message that stops the read at this chunk (a record too long to frame, or its first bad row), with
    /// lines in the file; null when the chunk read cleanly.</summary>
    public string? Stop(string path, long? framingLine, (long Line, string Kind, string Message)? badRow) => framingLine is { } framing
        ? TraceReader.RecordTooLong(path, framing > 0 ? framing + Lines : 0)
        : badRow is { } bad ? $"{path}:{bad.Line + Lines}: {Move(bad.Kind, bad.Message, Lines)}" : null;

    /// <summary>Adds a clean chunk's rejections (moved to lines in the file) and counts.</summary>
    public void Add(TraceRejections into, TraceRejections chunkRejections, long rowsRead, long rowsPriced, bool converted, (long Ticks, long Line) lastValid)
    {
        long moveBy = Lines;
        into.AddAll(chunkRejections, r => new TraceRejection(r.Line + moveBy, r.Kind, Move(r.Kind, r.Message, moveBy)));
        RowsRead += rowsRead;
        RowsPriced += rowsPriced;
        ConvertedAudioSeconds |= converted;
        if (rowsPriced > 0)
        {
            Last = (lastValid.Ticks, lastValid.Line + moveBy);
        }
    }

    /// <summary>Moves past a chunk of <paramref name="lineBreaks"/> lines.</summary>
    public void Advance(long lineBreaks) => Lines += lineBreaks;

    private static string Move(string kind, string message, long lines) =>
        kind == TraceRejectionKinds.OutOfOrder ? TraceReader.MoveLineReference(message, lines) : message;
}
