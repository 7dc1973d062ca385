using Microsoft.Win32.SafeHandles;

namespace Planner.Core.Traces;

/// <summary>Reads a large CSV trace in line-aligned chunks on several cores, with the result of one sequential read:
/// the same sums, the same rejections in the same order with their lines in the file, and the same first bad row.</summary>
/// <remarks>
/// <para>A trace is one record per line (a quoted field may not hold a line break: docs/trace-format.md), so every line
/// break ends a record and a chunk can start after any LF. Each chunk has its own reader (model cache, price sheets)
/// and its own sink (exact integer sums), merged in file order; lines are numbered within the chunk and moved by the
/// line breaks of the chunks before it, which each chunk's reader counts as it reads (no extra pass).</para>
/// <para>Time order: a chunk is read as if it were the start of the file. After its first valid row it checks order
/// exactly as a sequential read would (both compare with that row), so it agrees with the sequential read unless a
/// row before its first valid one, or that row itself, is earlier than the last valid row of the chunks before it.
/// The merge checks exactly that and, in that (rare) case, reads the chunk again continuing from that row.</para>
/// <para>Without SkipInvalid a bad row ends its chunk; chunks after it stop, chunks before it run to their end, and
/// the merge, in file order, reports the first bad row of the file.</para>
/// </remarks>
internal static class TraceChunks
{
    private const int RowsPerReport = 0x10000;

    /// <summary>Where the chunks of <paramref name="file"/> start (the first at 0, each other one right after an LF),
    /// or null when the file should be read sequentially (too small, one line, or UTF-16/32 text).</summary>
    public static long[]? Plan(SafeFileHandle file, long length, TraceChunking chunking)
    {
        if (length < chunking.FromBytes || length == 0)
        {
            return null;
        }

        Span<byte> head = stackalloc byte[4];
        int got = RandomAccess.Read(file, head, 0);
        if (got >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF) || (got == 4 && head[0] == 0 && head[1] == 0 && head[2] == 0xFE && head[3] == 0xFF)))
        {
            return null; // UTF-16 or UTF-32: the reader transcodes, so byte offsets are not character offsets.
        }

        long headerEnd = NextLineStart(file, length, 0, anyBreak: true);
        var starts = new List<long> { 0 };
        if (chunking.AtEveryLine)
        {
            for (long at = headerEnd; at < length; at = NextLineStart(file, length, at, anyBreak: false))
            {
                if (at > starts[^1] && CanStartChunk(file, at))
                {
                    starts.Add(at);
                }
            }
        }
        else
        {
            long bytes = Math.Max(chunking.MaxChunkBytes, 1);
            int chunks = (int)Math.Clamp((length / bytes) + (length % bytes == 0 ? 0 : 1), chunking.Chunks, int.MaxValue / 2);
            for (int i = 1; i < chunks; i++)
            {
                long target = headerEnd + ((length - headerEnd) / chunks * i);
                long at = Math.Max(NextLineStart(file, length, Math.Max(target - 1, 0), anyBreak: false), headerEnd);
                while (at < length && !CanStartChunk(file, at))
                {
                    at = NextLineStart(file, length, at, anyBreak: false);
                }

                if (at < length && at > starts[^1])
                {
                    starts.Add(at);
                }
            }
        }

        return [.. starts];
    }

    /// <summary>A line starting with a byte-order mark's first byte would be read as one by a chunk's reader, not as
    /// text in its first field: such a line never starts a chunk.</summary>
    private static bool CanStartChunk(SafeFileHandle file, long at)
    {
        Span<byte> first = stackalloc byte[1];
        return RandomAccess.Read(file, first, at) == 1 && first[0] is not (0xEF or 0xFE or 0xFF or 0x00);
    }

    /// <summary>The offset just after the first LF at or after <paramref name="from"/> (with <paramref name="anyBreak"/>,
    /// after the first CR, LF or CR LF), or <paramref name="length"/> when there is none.</summary>
    private static long NextLineStart(SafeFileHandle file, long length, long from, bool anyBreak)
    {
        // A line is about a hundred bytes: 4 KiB finds the next LF in one read almost always (simulate's feed plans a
        // boundary every 256 KiB, thousands for a large file; 64 KiB windows read and allocated 1/4 of the file).
        byte[] window = new byte[4 * 1024];
        for (long at = from; at < length;)
        {
            int read = RandomAccess.Read(file, window, at);
            if (read <= 0)
            {
                break;
            }

            var bytes = window.AsSpan(0, read);
            int i = anyBreak ? bytes.IndexOfAny((byte)'\n', (byte)'\r') : bytes.IndexOf((byte)'\n');
            if (i >= 0)
            {
                long end = at + i + 1;
                if (bytes[i] == (byte)'\r' && end < length)
                {
                    Span<byte> next = stackalloc byte[1];
                    if (RandomAccess.Read(file, next, end) == 1 && next[0] == (byte)'\n')
                    {
                        end++;
                    }
                }

                return end;
            }

            at += read;
        }

        return length;
    }

    /// <summary>Reads the file of <paramref name="header"/> (the reader that read its header) from <paramref name="starts"/>,
    /// each chunk into a sink from <paramref name="sinkFor"/> (called on the chunk's thread with the chunk's source), handed
    /// to <paramref name="merge"/> in file order on the calling thread with the lines before the chunk (a row's line in
    /// the file is its <see cref="TraceRequest.Line"/> plus those), which also calls <paramref name="onProgress"/> with
    /// the bytes read so far about ten times a second.</summary>
    /// <exception cref="PlannerException">The first bad row of the file (without SkipInvalid), a record too long, or no valid row.</exception>
    public static (long RowsRead, long RowsPriced, bool ConvertedAudioSeconds) Read<TSink>(
        SafeFileHandle file, long length, long[] starts, TraceReader header, TraceRejections rejections,
        Func<IUsageSource, TSink> sinkFor, Action<TSink, long> merge, Action<long>? onProgress)
        where TSink : ITraceSink
    {
        var run = new Run<TSink>(file, length, starts, header, sinkFor);
        run.Start(header.Options.Chunking.Parallelism);
        run.Wait(onProgress);

        var options = header.Options;
        var merged = new ChunkMerge();
        for (int i = 0; i < starts.Length; i++)
        {
            var chunk = run.Results[i] ?? throw new InvalidOperationException($"chunk {i} of {header.Path} was not read, yet no earlier chunk stopped the read");
            if (merged.MustReread(chunk.MinOrderCheckedTicks))
            {
                // A row at the chunk's start is earlier than the last valid row before it: read it again, continuing from that row.
                chunk = run.ReadChunk(i, merged.Continuation, cancellable: false)!;
            }

            if (merged.Stop(header.Path, chunk.FramingLine, chunk.BadRow) is { } stop)
            {
                throw new PlannerException(PlannerErrorKind.InvalidTrace, stop);
            }

            merge(chunk.Sink, merged.Lines);
            merged.Add(rejections, chunk.Rejections, chunk.RowsRead, chunk.RowsPriced, chunk.ConvertedAudioSeconds, chunk.LastValid);
            merged.Advance(chunk.LineBreaks);
        }

        if (merged.RowsPriced == 0 && options.RequireRequests)
        {
            throw new PlannerException(PlannerErrorKind.InvalidTrace, TraceReader.NoRequests(header.Path, merged.RowsRead, rejections));
        }

        return (merged.RowsRead, merged.RowsPriced, merged.ConvertedAudioSeconds);
    }

    /// <summary>What one chunk's read left: its sink and counts, lines counted from the chunk's start.</summary>
    private sealed record Chunk<TSink>(
        TSink Sink, TraceRejections Rejections, long RowsRead, long RowsPriced, bool ConvertedAudioSeconds, long LineBreaks,
        long MinOrderCheckedTicks, (long Ticks, long Line) LastValid, (long Line, string Kind, string Message)? BadRow, long? FramingLine);

    /// <summary>The chunks of one read, taken by the workers in file order.</summary>
    private sealed class Run<TSink>(SafeFileHandle file, long length, long[] starts, TraceReader header, Func<IUsageSource, TSink> sinkFor)
        where TSink : ITraceSink
    {
        private readonly ChunkWorkers<Chunk<TSink>> _workers = new(starts.Length, length);

        public Chunk<TSink>?[] Results => _workers.Results;

        public void Start(int parallelism) =>
            _workers.Start(parallelism, i => ReadChunk(i, null, cancellable: true), chunk => chunk.BadRow is not null || chunk.FramingLine is not null);

        public void Wait(Action<long>? onProgress) => _workers.Wait(onProgress);

        /// <summary>Reads chunk <paramref name="i"/>, continuing the order check from <paramref name="after"/> (line counted
        /// from the chunk's start) when given; null when <paramref name="cancellable"/> and an earlier chunk stopped the read.</summary>
        public Chunk<TSink>? ReadChunk(int i, (long Ticks, long Line)? after, bool cancellable)
        {
            long start = starts[i];
            long end = i + 1 < starts.Length ? starts[i + 1] : length;
            using var stream = new TraceChunkStream(file, start, end);
            var rejections = new TraceRejections();
            int buffer = (int)Math.Clamp(end - start + 1, 4096, 1 << 20);
            using var reader = TraceReader.OpenChunk(stream, header, rejections, withHeader: i == 0, buffer);
            if (after is { } a)
            {
                reader.ContinueAfter(a.Ticks, a.Line);
            }

            var source = CsvTraceSource.Wrap(reader);
            var sink = sinkFor(source);
            // A sink class is called through the interface: in this shared generic code a call on TSink looks its target up
            // through the generic dictionary on every row (a struct sink has code of its own and is called directly).
            ITraceSink? target = typeof(TSink).IsValueType ? null : sink;
            long? framing = null;
            long report = RowsPerReport;
            try
            {
                if (sink is TraceCosts costs)
                {
                    // Costs only (price): the rows' costs are added as they are parsed, no request built.
                    while (reader.ReadInto(costs, report))
                    {
                        report = reader.RowsRead + RowsPerReport;
                        _workers.Report(i, stream.BytesRead);
                        if (cancellable && _workers.EarlierStopped(i))
                        {
                            return null;
                        }
                    }
                }
                else
                {
                    while (source.TryRead(out var request))
                    {
                        if (target is not null)
                        {
                            target.Add(request);
                        }
                        else
                        {
                            sink.Add(request);
                        }

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
                }
            }
            catch (TraceChunkFramingException e)
            {
                framing = e.LineInChunk;
            }

            _workers.Report(i, end - start);
            return new Chunk<TSink>(sink, rejections, reader.RowsRead, reader.RowsPriced, reader.ConvertedAudioSeconds, reader.LineBreaks,
                reader.MinOrderCheckedTicks, reader.LastValid, reader.BadRow, framing);
        }
    }
}
