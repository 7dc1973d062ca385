using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Microsoft.Win32.SafeHandles;

namespace Planner.Core.Traces;

/// <summary>Reads a large CSV trace in line-aligned chunks on several cores and feeds its valid rows, in file order, to
/// sinks (a simulator, a group of simulators): the parse uses every core while the sinks consume. Only a bounded number
/// of parsed chunks is held at once (<see cref="InFlight"/>), each in a reused buffer, so memory stays flat and nothing
/// is allocated per row.</summary>
/// <remarks>
/// <para>What the sinks see, and what is raised, is what a sequential read through <see cref="TracePipeline"/> gives:
/// the rows in order with their lines in the file; rejections in line order; the first bad row of the file (without
/// SkipInvalid) raised after the sinks took every row before it, and nothing after it; a sink's own failure raised
/// instead of anything the reader met later (the earliest in row order among sinks; a chunk sink's by its chunk).</para>
/// <para>The chunks are parsed as <see cref="TraceChunks"/> parses them (each as if it started the file) and checked in
/// file order: a chunk whose rows before its first valid one (or that row) are earlier than the last valid row of the
/// chunks before it is read again, continuing the order check from that row.</para>
/// <para>No more threads work than <see cref="TraceChunking.Parallelism"/> (the calling thread one of them): each takes
/// whatever is ready, under one lock: the next chunk's merge (in file order), a chunk for a sink that is idle (each
/// sink takes its chunks in order, one thread at a time, preferably the thread that ran it last, whose caches hold its
/// state), or the next chunk to parse. So both cores stay busy to the end, and a thread waits only when there is
/// nothing to do: no thread hands rows to another that spins waiting for them.</para>
/// </remarks>
internal static class TraceChunkFeed
{
    /// <summary>The bytes of one chunk of the feed (the file is split into at least this many chunks). The value is
    /// 256 KiB: about 3,600 rows, 640 KB of parsed rows (so the few held at once stay in the caches).</summary>
    public const long ChunkBytes = 256L << 10;

    /// <summary>How many chunks the feed cuts a file of <paramref name="length"/> bytes into, at least
    /// <paramref name="chunks"/>.</summary>
    public static int ChunksFor(long length, int chunks) => (int)Math.Clamp(length / ChunkBytes, Math.Max(chunks, 1), int.MaxValue / 2);

    /// <summary>Parsed chunks held at once (parsing, waiting for the merge or for the sinks) with
    /// <paramref name="parallelism"/> threads: two more than the threads, so none waits while the sinks take the oldest.</summary>
    public static int InFlight(int parallelism) => Math.Max(parallelism, 1) + 2;

    /// <summary>Reads the file of <paramref name="header"/> from <paramref name="starts"/> and feeds every valid row, in
    /// file order, to each of <paramref name="sinks"/>; merges the chunks' rejections into <paramref name="rejections"/>
    /// and calls <paramref name="onProgress"/> on the calling thread with the bytes fed so far (every 65,536 rows or so).</summary>
    /// <exception cref="PlannerException">The first bad row of the file (without SkipInvalid), a record too long, or no valid row.</exception>
    public static (long RowsRead, long RowsPriced, bool ConvertedAudioSeconds) Read(
        SafeFileHandle file, long length, long[] starts, TraceReader header, TraceRejections rejections,
        IReadOnlyList<ITraceSink> sinks, Action<long>? onProgress)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        if (sinks.Count == 0)
        {
            throw new ArgumentException("at least one sink is required", nameof(sinks));
        }

        var run = new Run(file, length, starts, header, sinks, rejections);
        return run.Feed(onProgress);
    }

    /// <summary>Moves <paramref name="request"/>'s line by <paramref name="lines"/>, in place (for a chunk sink:
    /// <see cref="ITraceChunkSink.AddChunk"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MoveLine(ref TraceRequest request, long lines) => LineOf(ref request) += lines;

    /// <summary>A row's line, to move in place: 8 bytes written, not a copy of the 176-byte row (<c>with { Line = ... }</c>),
    /// which cost about a tenth of the simulator's time a row.</summary>
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "<Line>k__BackingField")]
    private static extern ref long LineOf(ref TraceRequest request);

    /// <summary>One chunk's read, in a buffer reused from chunk to chunk: its rows (lines counted from the chunk's
    /// start until they are moved), their cost sums, and what the merge needs.</summary>
    private sealed class Parsed
    {
        public TraceRequest[] Rows = [];
        public int Count;
        public TraceCosts Costs = new();
        public TraceRejections Rejections = new();
        public long RowsRead;
        public long RowsPriced;
        public bool ConvertedAudioSeconds;
        public long LineBreaks;
        public long MinOrderCheckedTicks;
        public (long Ticks, long Line) LastValid;
        public (long Line, string Kind, string Message)? BadRow;
        public long? FramingLine;
        public ExceptionDispatchInfo? Failure;
        public long LinesBefore;
        public long Position;
        public int ReadersLeft;
    }

    /// <summary>What a thread does next (see <see cref="Run"/>).</summary>
    private enum Job
    {
        Merge,
        Sink,
        Parse,
        Exit,
    }

    /// <summary>One read: its state is guarded by one lock; the work (a parse, a merge, a sink's chunk) runs outside it.</summary>
    private sealed class Run
    {
        private const int RowsPerReport = 0x10000;
        private readonly Parsed _end = new();

        private readonly SafeFileHandle _file;
        private readonly long _length;
        private readonly long[] _starts;
        private readonly TraceReader _header;
        private readonly TraceRejections _rejections;
        private readonly bool _sumsCosts;
        private readonly int _threads;
        private readonly object _gate = new();
        private readonly ChunkMerge _merged = new();

        // Guarded by _gate.
        private readonly Parsed?[] _parsed;
        private readonly Stack<Parsed> _pool = new();
        private readonly Parsed[] _published;
        private readonly SinkState[] _sinks;
        private long _publishedCount;
        private long _rowsPublished;
        private int _nextParse;
        private int _nextMerge;
        private bool _merging;
        private bool _ended;
        private bool _stopped;
        private int _sinksDone;
        private int _waiting;
        private long _progressBytes;
        private ExceptionDispatchInfo? _readFailure;
        private ExceptionDispatchInfo? _internalFailure;

        public Run(SafeFileHandle file, long length, long[] starts, TraceReader header, IReadOnlyList<ITraceSink> sinks, TraceRejections rejections)
        {
            _file = file;
            _length = length;
            _starts = starts;
            _header = header;
            _rejections = rejections;
            _parsed = new Parsed?[starts.Length];
            _threads = Math.Max(header.Options.Chunking.Parallelism, 1);
            int inFlight = InFlight(_threads);
            for (int i = 0; i < inFlight; i++)
            {
                _pool.Push(new Parsed());
            }

            _published = new Parsed[inFlight + 1]; // every buffer, and the end
            _sinks = new SinkState[sinks.Count];
            for (int k = 0; k < _sinks.Length; k++)
            {
                _sinks[k] = new SinkState(sinks[k]);
                _sumsCosts |= sinks[k] is ITraceChunkSink;
            }
        }

        /// <summary>Runs the read on the calling thread and the helpers, then raises what it met, earliest first.</summary>
        public (long RowsRead, long RowsPriced, bool ConvertedAudioSeconds) Feed(Action<long>? onProgress)
        {
            var helpers = new Thread[Math.Min(_threads, _starts.Length + _sinks.Length) - 1];
            for (int w = 0; w < helpers.Length; w++)
            {
                int id = w + 1;
                helpers[w] = new Thread(() => Work(id, null)) { IsBackground = true, Name = $"planner-chunk-feed-{id}" };
                helpers[w].Start();
            }

            try
            {
                Work(0, onProgress);
            }
            finally
            {
                foreach (var helper in helpers)
                {
                    helper.Join();
                }
            }

            _internalFailure?.Throw();
            // The earliest failure in row order: a sink's (it stopped the read), else the reader's.
            SinkState? failed = null;
            foreach (var sink in _sinks)
            {
                if (sink.Failure is not null && (failed is null || sink.FailedAt < failed.FailedAt))
                {
                    failed = sink;
                }
            }

            failed?.Failure!.Throw();
            _readFailure?.Throw();
            if (_merged.RowsPriced == 0 && _header.Options.RequireRequests)
            {
                throw new PlannerException(PlannerErrorKind.InvalidTrace, TraceReader.NoRequests(_header.Path, _merged.RowsRead, _rejections));
            }

            return (_merged.RowsRead, _merged.RowsPriced, _merged.ConvertedAudioSeconds);
        }

        /// <summary>One thread's loop: takes the next job under the lock, runs it outside, until every sink has taken the end.</summary>
        private void Work(int me, Action<long>? onProgress)
        {
            long report = RowsPerReport;
            long reported = -1;
            try
            {
                while (true)
                {
                    Job job;
                    Parsed? chunk = null;
                    SinkState? sink = null;
                    int index = -1;
                    long progress = -1;
                    lock (_gate)
                    {
                        while (true)
                        {
                            job = Next(me, out chunk, out sink, out index);
                            if (job != Job.Exit || _sinksDone >= _sinks.Length)
                            {
                                break;
                            }

                            _waiting++;
                            Monitor.Wait(_gate);
                            _waiting--;
                        }

                        if (onProgress is not null && _merged.RowsRead >= report && _progressBytes != reported)
                        {
                            report = _merged.RowsRead + RowsPerReport;
                            reported = progress = _progressBytes;
                        }
                    }

                    if (progress >= 0)
                    {
                        onProgress!(progress);
                    }

                    switch (job)
                    {
                        case Job.Merge:
                            Merge(index, chunk);
                            break;
                        case Job.Sink:
                            Consume(me, sink!, chunk!);
                            break;
                        case Job.Parse:
                            ReadChunk(index, chunk!, null);
                            lock (_gate)
                            {
                                _parsed[index] = chunk;
                                if (index == _nextMerge)
                                {
                                    Wake();
                                }
                            }

                            break;
                        default:
                            return;
                    }
                }
            }
            catch (Exception e)
            {
                // Not a row's failure (those are kept in order): a bug or the progress callback's exception. Stop everything.
                lock (_gate)
                {
                    _internalFailure ??= ExceptionDispatchInfo.Capture(e);
                    _stopped = true;
                    _sinksDone = _sinks.Length;
                    Monitor.PulseAll(_gate);
                }
            }
        }

        /// <summary>Under the lock: what thread <paramref name="me"/> does next; <see cref="Job.Exit"/> when nothing (it
        /// waits, or leaves once every sink took the end).</summary>
        private Job Next(int me, out Parsed? chunk, out SinkState? sink, out int index)
        {
            chunk = null;
            sink = null;
            index = -1;
            if (_sinksDone >= _sinks.Length)
            {
                return Job.Exit;
            }

            // The merge first (it is short, and the sinks wait for it): the next chunk in file order, or the end.
            if (!_merging && !_ended && (_stopped || _nextMerge == _starts.Length || _parsed[_nextMerge] is not null))
            {
                _merging = true;
                index = _nextMerge;
                if (!_stopped && index < _starts.Length)
                {
                    chunk = _parsed[index];
                    _parsed[index] = null;
                }

                return Job.Merge;
            }

            // A sink this thread ran last (its state is in this core's caches), then a chunk to parse, then any idle sink.
            if (ReadySink(me, own: true) is { } mine)
            {
                return TakeSink(mine, me, out chunk, out sink);
            }

            if (!_stopped && _nextParse < _starts.Length && _pool.Count > 0)
            {
                index = _nextParse++;
                chunk = _pool.Pop();
                return Job.Parse;
            }

            if (ReadySink(me, own: false) is { } other)
            {
                return TakeSink(other, me, out chunk, out sink);
            }

            return Job.Exit;
        }

        private SinkState? ReadySink(int me, bool own)
        {
            foreach (var sink in _sinks)
            {
                if (!sink.Busy && !sink.Done && sink.Taken < _publishedCount && (!own || sink.LastThread == me || sink.LastThread < 0))
                {
                    return sink;
                }
            }

            return null;
        }

        private Job TakeSink(SinkState ready, int me, out Parsed? chunk, out SinkState? sink)
        {
            ready.Busy = true;
            ready.LastThread = me;
            chunk = _published[ready.Taken % _published.Length];
            sink = ready;
            return Job.Sink;
        }

        private void Wake()
        {
            if (_waiting > 0)
            {
                Monitor.PulseAll(_gate);
            }
        }

        /// <summary>Merges chunk <paramref name="i"/> (null: the read stopped or ended: publish the end) and publishes it.</summary>
        private void Merge(int i, Parsed? chunk)
        {
            bool end = chunk is null;
            ExceptionDispatchInfo? failure = null;
            if (chunk is not null)
            {
                failure = chunk.Failure;
                if (failure is null && _merged.MustReread(chunk.MinOrderCheckedTicks))
                {
                    // A row at the chunk's start is earlier than the last valid row before it: read it again, continuing from that row.
                    ReadChunk(i, chunk, _merged.Continuation);
                    failure = chunk.Failure;
                }

                if (failure is not null)
                {
                    Release(chunk);
                    chunk = null;
                }
                else
                {
                    // Everything the merge needs is taken before the chunk is published: once the sinks are done with it,
                    // its buffer goes to the next chunk.
                    if (_merged.Stop(_header.Path, chunk.FramingLine, chunk.BadRow) is { } stop)
                    {
                        failure = Failure(stop);
                    }
                    else
                    {
                        _merged.Add(_rejections, chunk.Rejections, chunk.RowsRead, chunk.RowsPriced, chunk.ConvertedAudioSeconds, chunk.LastValid);
                    }

                    chunk.LinesBefore = _merged.Lines;
                    if (_sinks.Length > 1 && _merged.Lines != 0)
                    {
                        // Several sinks read the rows at once: their lines are moved here, once (one sink moves them as it reads).
                        MoveLines(chunk.Rows.AsSpan(0, chunk.Count), _merged.Lines);
                        chunk.LinesBefore = 0;
                    }

                    _merged.Advance(chunk.LineBreaks);
                }

                end = failure is not null || i + 1 == _starts.Length;
            }

            lock (_gate)
            {
                if (failure is not null)
                {
                    _readFailure = failure;
                    _stopped = true;
                }

                if (chunk is not null)
                {
                    // The rows before a bad one still go to the sinks first, as they would have when read directly.
                    Publish(chunk);
                    _progressBytes = i + 1 < _starts.Length ? _starts[i + 1] : _length;
                }

                _nextMerge = i + 1;
                if (end)
                {
                    _ended = true;
                    Publish(_end);
                }

                _merging = false;
                Wake();
            }
        }

        /// <summary>Under the lock: hands a chunk (or the end) to every sink, in order.</summary>
        private void Publish(Parsed chunk)
        {
            chunk.ReadersLeft = _sinks.Length;
            chunk.Position = _rowsPublished;
            _rowsPublished += chunk.Count;
            _published[_publishedCount % _published.Length] = chunk;
            _publishedCount++;
        }

        /// <summary>Runs one sink on its next chunk (without work once it failed), then frees the chunk's buffer if it was the last.</summary>
        private void Consume(int me, SinkState sink, Parsed chunk)
        {
            bool end = ReferenceEquals(chunk, _end);
            if (!end && sink.Failure is null)
            {
                sink.Take(chunk.Rows, chunk.Count, chunk.LinesBefore, chunk.Costs, chunk.Position);
            }

            lock (_gate)
            {
                sink.Busy = false;
                sink.Taken++;
                if (end)
                {
                    sink.Done = true;
                    _sinksDone++;
                }
                else if (--chunk.ReadersLeft == 0)
                {
                    _pool.Push(chunk);
                }

                if (sink.Failure is not null)
                {
                    _stopped = true;
                }

                sink.LastThread = me;
                Wake();
            }
        }

        private void Release(Parsed chunk)
        {
            lock (_gate)
            {
                _pool.Push(chunk);
            }
        }

        /// <summary>Moves every row's line by <paramref name="lines"/>, in place.</summary>
        private static void MoveLines(Span<TraceRequest> rows, long lines)
        {
            foreach (ref var row in rows)
            {
                LineOf(ref row) += lines;
            }
        }

        private static ExceptionDispatchInfo Failure(string message) =>
            ExceptionDispatchInfo.Capture(new PlannerException(PlannerErrorKind.InvalidTrace, message));

        /// <summary>Reads chunk <paramref name="i"/> into <paramref name="chunk"/>, continuing the order check from
        /// <paramref name="after"/> (line counted from the chunk's start) when given. Any failure is kept in the chunk, so
        /// the merge raises it in file order.</summary>
        private void ReadChunk(int i, Parsed chunk, (long Ticks, long Line)? after)
        {
            long start = _starts[i];
            long end = i + 1 < _starts.Length ? _starts[i + 1] : _length;
            chunk.Count = 0;
            chunk.Rejections = new TraceRejections();
            chunk.BadRow = null;
            chunk.FramingLine = null;
            chunk.Failure = null;
            if (chunk.Rows.Length == 0)
            {
                chunk.Rows = new TraceRequest[(int)Math.Clamp((end - start) / 64, 16, 1 << 16)];
            }

            try
            {
                using var stream = new TraceChunkStream(_file, start, end);
                int buffer = (int)Math.Clamp(end - start + 1, 4096, 1 << 20);
                using var reader = TraceReader.OpenChunk(stream, _header, chunk.Rejections, withHeader: i == 0, buffer);
                if (after is { } a)
                {
                    reader.ContinueAfter(a.Ticks, a.Line);
                }

                // The chunk's cost sums, for the chunk sinks: each row added as it is read (still in this core's cache).
                var costs = _sumsCosts ? new TraceCosts() : null;
                try
                {
                    var rows = chunk.Rows;
                    int count = 0;
                    while (true)
                    {
                        if (count == rows.Length)
                        {
                            Array.Resize(ref rows, rows.Length * 2);
                            chunk.Rows = rows;
                        }

                        if (!reader.TryRead(out rows[count]))
                        {
                            break;
                        }

                        costs?.Add(rows[count]);
                        count++;
                    }

                    chunk.Count = count;
                }
                catch (TraceChunkFramingException e)
                {
                    chunk.FramingLine = e.LineInChunk;
                }

                if (costs is not null)
                {
                    _ = costs.ByModel; // settled here, so that the sinks only read it (several at once)
                    chunk.Costs = costs;
                }

                chunk.RowsRead = reader.RowsRead;
                chunk.RowsPriced = reader.RowsPriced;
                chunk.ConvertedAudioSeconds = reader.ConvertedAudioSeconds;
                chunk.LineBreaks = reader.LineBreaks;
                chunk.MinOrderCheckedTicks = reader.MinOrderCheckedTicks;
                chunk.LastValid = reader.LastValid;
                chunk.BadRow = reader.BadRow;
            }
            catch (Exception e)
            {
                chunk.Failure = ExceptionDispatchInfo.Capture(e);
            }
        }

        /// <summary>One sink and where it is in the published chunks (guarded by the lock, except its failure, set by the
        /// thread that runs it and read after the read).</summary>
        private sealed class SinkState(ITraceSink sink)
        {
            private readonly ITraceChunkSink? _chunks = sink as ITraceChunkSink;

            /// <summary>Published chunks it has taken.</summary>
            public long Taken;

            /// <summary>A thread is running it.</summary>
            public bool Busy;

            /// <summary>It took the end.</summary>
            public bool Done;

            /// <summary>The thread that ran it last, or -1.</summary>
            public int LastThread = -1;

            /// <summary>What the sink threw, or null.</summary>
            public ExceptionDispatchInfo? Failure { get; private set; }

            /// <summary>The row (counted from 0 over the whole read) the sink threw on: a chunk sink's, its chunk's first.</summary>
            public long FailedAt { get; private set; } = long.MaxValue;

            /// <summary>Feeds one chunk's rows; a failure is kept, and the sink takes no more rows.</summary>
            public void Take(TraceRequest[] rows, int count, long lines, TraceCosts costs, long position)
            {
                int i = 0;
                try
                {
                    if (_chunks is not null)
                    {
                        _chunks.AddChunk(rows, count, lines, costs);
                        return;
                    }

                    // A row's line in the file: its line in the chunk plus the lines before the chunk.
                    for (; i < count; i++)
                    {
                        ref var row = ref rows[i];
                        LineOf(ref row) += lines;
                        sink.Add(row);
                    }
                }
                catch (Exception e)
                {
                    Failure = ExceptionDispatchInfo.Capture(e);
                    FailedAt = position + i;
                }
            }
        }
    }
}
