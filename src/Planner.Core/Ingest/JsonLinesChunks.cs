using Microsoft.Win32.SafeHandles;
using Planner.Core.Traces;

namespace Planner.Core.Ingest;

/// <summary>Reads a large JSON-lines file in line-aligned chunks on several cores, with the result of one sequential
/// read: the same sums, the same rejections in the same order with their lines in the file, the same skipped lines and
/// assumptions, and the same first bad line.</summary>
/// <remarks>
/// <para>JSONL has no header and one value per line, so a chunk can start after any LF. Each chunk has its own reader
/// (model cache, price sheets) over positioned reads of the one file handle (<see cref="TraceChunkStream"/>) and its own
/// sink (exact integer sums), merged in file order; a chunk numbers its lines from its start, and the merge moves them by
/// the lines of the chunks before it (which every chunk but the last ends on an LF, so its line count is exact).</para>
/// <para>Order: rows reach the sinks chunk by chunk in file order, so the sums and the first rejections are those of a
/// sequential read. A simulation, which checks time order from line to line, is read sequentially.</para>
/// <para>State: a line without a timestamp is placed after the untimed lines before it; a chunk that meets one before it
/// knows how many came earlier stops there and is read again, in file order, once the chunks before it are merged.</para>
/// <para>Without SkipInvalid a bad line ends its chunk; chunks after it stop, chunks before it run to their end, and
/// the merge, in file order, reports the first bad line of the file.</para>
/// </remarks>
internal static class JsonLinesChunks
{
    private const int RowsPerReport = 0x10000;

    /// <summary>Where the chunks start: the first at 0, each other one right after an LF and before the end. One start
    /// means the file is one chunk.</summary>
    public static long[] Plan(SafeFileHandle file, long length, TraceChunking chunking)
    {
        ArgumentNullException.ThrowIfNull(chunking);
        var starts = new List<long> { 0 };
        if (chunking.AtEveryLine)
        {
            for (long at = NextLineStart(file, length, 0); at < length; at = NextLineStart(file, length, at))
            {
                starts.Add(at);
            }

            return [.. starts];
        }

        int chunks = Math.Max(1, chunking.Chunks);
        for (int i = 1; i < chunks; i++)
        {
            long at = NextLineStart(file, length, Math.Max(0, (length / chunks * i) - 1));
            if (at < length && at > starts[^1])
            {
                starts.Add(at);
            }
        }

        return [.. starts];
    }

    /// <summary>The offset just after the first LF at or after <paramref name="from"/>, or <paramref name="length"/>.</summary>
    private static long NextLineStart(SafeFileHandle file, long length, long from)
    {
        Span<byte> window = stackalloc byte[4096];
        for (long at = from; at < length;)
        {
            int read = RandomAccess.Read(file, window, at);
            if (read <= 0)
            {
                break;
            }

            int i = window[..read].IndexOf((byte)'\n');
            if (i >= 0)
            {
                return at + i + 1;
            }

            at += read;
        }

        return length;
    }

    /// <summary>What the merged chunks read, for the source that asked.</summary>
    public sealed record Totals(long RowsRead, long RowsPriced, long Skipped, IReadOnlyList<KeyValuePair<string, long>> SkippedByType, IReadOnlyList<string> Assumptions, long Untimed);

    /// <summary>Reads <paramref name="file"/> from <paramref name="starts"/> with readers like <paramref name="source"/>,
    /// each chunk into a sink from <paramref name="sinkFor"/> (on the chunk's thread), handed to <paramref name="merge"/>
    /// in file order on the calling thread with the lines before the chunk; <paramref name="onProgress"/> gets the bytes
    /// read about ten times a second. Rejections are added to the source's own.</summary>
    /// <exception cref="PlannerException">The first bad line of the file (without SkipInvalid).</exception>
    public static Totals Read<TSink>(JsonLinesSource source, SafeFileHandle file, long length, long[] starts,
        Func<IUsageSource, TSink> sinkFor, Action<TSink, long> merge, Action<long>? onProgress)
        where TSink : ITraceSink
    {
        var run = new Run<TSink>(source, file, length, starts, sinkFor);
        run.Start(source.Options.Chunking.Parallelism);
        run.Wait(onProgress);

        long lines = 0;
        long rowsRead = 0;
        long rowsPriced = 0;
        long skipped = 0;
        long untimed = 0;
        var skippedByType = new Dictionary<string, long>(StringComparer.Ordinal);
        var assumptions = new List<string>();
        for (int i = 0; i < starts.Length; i++)
        {
            var chunk = run.Results[i] ?? throw new InvalidOperationException($"chunk {i} of {source.Path} was not read, yet no earlier chunk stopped the read");
            if (chunk.NeedsEarlierLines)
            {
                chunk = run.ReadChunk(i, new ChunkStart(untimed), cancellable: false)!;
            }

            if (chunk.BadLine is { } bad)
            {
                throw new PlannerException(PlannerErrorKind.InvalidTrace, $"{source.Path}:{bad.Line + lines}: {bad.Message}");
            }

            merge(chunk.Sink, lines);
            long moveBy = lines;
            source.Rejections.AddAll(chunk.Rejections, r => r with { Line = r.Line + moveBy });
            rowsRead += chunk.RowsRead;
            rowsPriced += chunk.RowsPriced;
            skipped += chunk.Skipped;
            foreach (var (type, count) in chunk.SkippedByType)
            {
                skippedByType[type] = skippedByType.GetValueOrDefault(type) + count;
            }

            foreach (string assumption in chunk.Assumptions)
            {
                if (!assumptions.Contains(assumption))
                {
                    assumptions.Add(assumption);
                }
            }

            untimed += chunk.Untimed;
            lines += chunk.Lines;
        }

        return new Totals(rowsRead, rowsPriced, skipped, [.. skippedByType], assumptions, untimed);
    }

    /// <summary>What one chunk's read left: its sink and counts (untimed lines: its own), lines counted from the chunk's start.</summary>
    private sealed record Chunk<TSink>(
        TSink Sink, TraceRejections Rejections, long RowsRead, long RowsPriced, long Skipped, IReadOnlyList<KeyValuePair<string, long>> SkippedByType,
        IReadOnlyList<string> Assumptions, long Lines, long Untimed, (long Line, string Message)? BadLine, bool NeedsEarlierLines);

    /// <summary>The chunks of one read, taken by the workers in file order.</summary>
    private sealed class Run<TSink>(JsonLinesSource source, SafeFileHandle file, long length, long[] starts, Func<IUsageSource, TSink> sinkFor)
        where TSink : ITraceSink
    {
        private readonly ChunkWorkers<Chunk<TSink>> _workers = new(starts.Length, length);

        public Chunk<TSink>?[] Results => _workers.Results;

        public void Start(int parallelism) =>
            _workers.Start(parallelism, i => ReadChunk(i, new ChunkStart(i == 0 ? 0 : null), cancellable: true), chunk => chunk.BadLine is not null);

        public void Wait(Action<long>? onProgress) => _workers.Wait(onProgress);

        /// <summary>Reads chunk <paramref name="i"/>; null when <paramref name="cancellable"/> and an earlier chunk stopped the read.</summary>
        public Chunk<TSink>? ReadChunk(int i, ChunkStart start, bool cancellable)
        {
            long from = starts[i];
            long end = i + 1 < starts.Length ? starts[i + 1] : length;
            var rejections = new TraceRejections();
            var stream = new TraceChunkStream(file, from, end);
            using var reader = source.Chunk(stream, end - from, rejections, start);
            var sink = sinkFor(reader);
            long report = RowsPerReport;
            while (reader.TryRead(out var request))
            {
                sink.Add(request);
                if (reader.RowsRead >= report)
                {
                    report = reader.RowsRead + RowsPerReport;
                    _workers.Report(i, stream.BytesRead);
                    if (cancellable && _workers.EarlierStopped(i))
                    {
                        return null;
                    }
                }
            }

            _workers.Report(i, end - from);
            return new Chunk<TSink>(sink, rejections, reader.RowsRead, reader.RowsPriced, reader.Skipped, [.. reader.SkippedByType],
                [.. reader.Assumptions], reader.LinesRead, reader.Untimed - (start.Untimed ?? 0), reader.BadLine, reader.NeedsEarlierLines);
        }
    }
}
