using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Microsoft.Win32.SafeHandles;

namespace Planner.Core.Traces;

/// <summary>Reads a large CSV trace in line-aligned chunks on several cores and feeds its valid rows, in file order, to
/// sinks that each run on a thread of their own (a simulator, a group of simulators): the parse uses every core while
/// the sinks consume. Only a bounded number of parsed chunks is held at once (<see cref="InFlight"/>), each in a reused
/// buffer, so memory stays flat and nothing is allocated per row.</summary>
/// <remarks>
/// <para>What the sinks see, and what is raised, is what a sequential read through <see cref="TracePipeline"/> gives:
/// the rows in order with their lines in the file; rejections in line order; the first bad row of the file (without
/// SkipInvalid) raised after the sinks took every row before it, and nothing after it; a sink's own failure raised
/// instead of anything the reader met later (the earliest in row order among sinks).</para>
/// <para>The chunks are parsed as <see cref="TraceChunks"/> parses them (each as if it started the file) and checked in
/// file order on the calling thread: a chunk whose rows before its first valid one (or that row) are earlier than the
/// last valid row of the chunks before it is read again there, continuing the order check from that row.</para>
/// </remarks>
internal static class TraceChunkFeed
{
    /// <summary>The bytes of one chunk of the feed (the file is split into at least this many chunks). The value is
    /// 256 KiB: about 3,600 rows, 640 KB of parsed rows (so the few held at once stay in the caches).</summary>
    public const long ChunkBytes = 256L << 10;

    /// <summary>How many chunks the feed cuts a file of <paramref name="length"/> bytes into, at least
    /// <paramref name="chunks"/>.</summary>
    public static int ChunksFor(long length, int chunks) => (int)Math.Clamp(length / ChunkBytes, Math.Max(chunks, 1), int.MaxValue / 2);

    /// <summary>Parsed chunks held at once (parsing or waiting to be consumed) with <paramref name="parallelism"/>
    /// parsers: two more than the parsers, so none waits while the sinks take the oldest.</summary>
    public static int InFlight(int parallelism) => Math.Max(parallelism, 1) + 2;

    /// <summary>Reads the file of <paramref name="header"/> from <paramref name="starts"/> and feeds every valid row, in
    /// file order, to each of <paramref name="sinks"/> (each on its own thread); merges the chunks' rejections into
    /// <paramref name="rejections"/> and calls <paramref name="onProgress"/> on the calling thread with the bytes fed so
    /// far (every 65,536 rows or so).</summary>
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

        using var run = new Run(file, length, starts, header, sinks);
        return run.Feed(rejections, onProgress);
    }

    /// <summary>A row's line, to move in place: 8 bytes written, not a copy of the 176-byte row (<c>with { Line = ... }</c>),
    /// which cost about a tenth of the simulator's time a row.</summary>
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "<Line>k__BackingField")]
    private static extern ref long LineOf(ref TraceRequest request);

    /// <summary>One chunk's read, in a buffer reused from chunk to chunk: its rows (lines counted from the chunk's
    /// start until the merge moves them) and what the merge needs.</summary>
    private sealed class Parsed
    {
        public TraceRequest[] Rows = [];
        public int Count;
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
        public int ReadersLeft;
    }

    /// <summary>The parsers, the merge (on the calling thread) and the sinks' threads of one read.</summary>
    private sealed class Run : IDisposable
    {
        private const int RowsPerReport = 0x10000;
        private readonly Parsed _end = new();

        private readonly SafeFileHandle _file;
        private readonly long _length;
        private readonly long[] _starts;
        private readonly TraceReader _header;
        private readonly Parsed?[] _parsed;
        private readonly Stack<Parsed> _pool = new();
        private readonly SemaphoreSlim _permits;
        private readonly CancellationTokenSource _stop = new();
        private readonly object _gate = new();
        private readonly Parsed[] _published;
        private readonly Sink[] _sinks;
        private readonly Thread[] _parsers;
        private long _publishedCount;
        private int _next = -1;

        public Run(SafeFileHandle file, long length, long[] starts, TraceReader header, IReadOnlyList<ITraceSink> sinks)
        {
            _file = file;
            _length = length;
            _starts = starts;
            _header = header;
            _parsed = new Parsed?[starts.Length];
            int parallelism = Math.Clamp(header.Options.Chunking.Parallelism, 1, starts.Length);
            int inFlight = InFlight(parallelism);
            for (int i = 0; i < inFlight; i++)
            {
                _pool.Push(new Parsed());
            }

            _permits = new SemaphoreSlim(inFlight, inFlight);
            _published = new Parsed[inFlight + 1]; // every buffer, and the end
            _stop.Token.Register(() =>
            {
                lock (_gate)
                {
                    Monitor.PulseAll(_gate);
                }
            });
            _sinks = new Sink[sinks.Count];
            for (int k = 0; k < _sinks.Length; k++)
            {
                _sinks[k] = new Sink(this, k, sinks[k], inFlight);
            }

            _parsers = new Thread[parallelism];
            for (int w = 0; w < _parsers.Length; w++)
            {
                _parsers[w] = new Thread(Parse) { IsBackground = true, Name = $"planner-chunk-parser-{w}" };
                _parsers[w].Start();
            }
        }

        /// <summary>Merges the chunks in file order, publishing each one's rows to the sinks, then waits for them.</summary>
        public (long RowsRead, long RowsPriced, bool ConvertedAudioSeconds) Feed(TraceRejections rejections, Action<long>? onProgress)
        {
            var options = _header.Options;
            var merged = new ChunkMerge();
            long report = RowsPerReport;
            ExceptionDispatchInfo? readFailure = null;
            try
            {
                for (int i = 0; i < _starts.Length && !_stop.IsCancellationRequested; i++)
                {
                    if (WaitFor(i) is not { } chunk)
                    {
                        break; // a sink failed: its failure is raised below.
                    }

                    if (chunk.Failure is { } failure)
                    {
                        Release(chunk);
                        readFailure = failure;
                        break;
                    }

                    if (merged.MustReread(chunk.MinOrderCheckedTicks))
                    {
                        // A row at the chunk's start is earlier than the last valid row before it: read it again, continuing from that row.
                        ReadChunk(i, chunk, merged.Continuation);
                        if (chunk.Failure is { } again)
                        {
                            Release(chunk);
                            readFailure = again;
                            break;
                        }
                    }

                    // Everything the merge needs is taken before the chunk is published: once the sinks are done with it,
                    // its buffer goes to the next chunk.
                    if (merged.Stop(_header.Path, chunk.FramingLine, chunk.BadRow) is { } stop)
                    {
                        readFailure = Failure(stop);
                    }
                    else
                    {
                        merged.Add(rejections, chunk.Rejections, chunk.RowsRead, chunk.RowsPriced, chunk.ConvertedAudioSeconds, chunk.LastValid);
                    }

                    chunk.LinesBefore = merged.Lines;
                    if (_sinks.Length > 1 && merged.Lines != 0)
                    {
                        // Several sinks read the rows at once: their lines are moved here, once (one sink moves them as it reads).
                        MoveLines(chunk.Rows.AsSpan(0, chunk.Count), merged.Lines);
                        chunk.LinesBefore = 0;
                    }

                    merged.Advance(chunk.LineBreaks);
                    // The rows before a bad one still go to the sinks first, as they would have when read directly.
                    Publish(chunk);
                    if (readFailure is not null)
                    {
                        break;
                    }

                    if (onProgress is not null && merged.RowsRead >= report)
                    {
                        report = merged.RowsRead + RowsPerReport;
                        onProgress(i + 1 < _starts.Length ? _starts[i + 1] : _length);
                    }
                }
            }
            finally
            {
                _stop.Cancel();
                Publish(_end);
                foreach (var sink in _sinks)
                {
                    sink.Join();
                }

                foreach (var parser in _parsers)
                {
                    parser.Join();
                }
            }

            // The earliest failure in row order: a sink's (it stopped the read), else the reader's.
            Sink? failed = null;
            foreach (var sink in _sinks)
            {
                if (sink.Failure is not null && (failed is null || sink.FailedAt < failed.FailedAt))
                {
                    failed = sink;
                }
            }

            failed?.Failure!.Throw();
            readFailure?.Throw();
            if (merged.RowsPriced == 0 && options.RequireRequests)
            {
                throw new PlannerException(PlannerErrorKind.InvalidTrace, TraceReader.NoRequests(_header.Path, merged.RowsRead, rejections));
            }

            return (merged.RowsRead, merged.RowsPriced, merged.ConvertedAudioSeconds);
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

        /// <summary>Waits until chunk <paramref name="i"/> is parsed; null when the read stopped first.</summary>
        private Parsed? WaitFor(int i)
        {
            lock (_gate)
            {
                Parsed? chunk;
                while ((chunk = _parsed[i]) is null)
                {
                    if (_stop.IsCancellationRequested)
                    {
                        return null;
                    }

                    Monitor.Wait(_gate);
                }

                _parsed[i] = null;
                return chunk;
            }
        }

        /// <summary>Hands a chunk (or the end) to every sink, in order.</summary>
        private void Publish(Parsed chunk)
        {
            chunk.ReadersLeft = _sinks.Length;
            _published[_publishedCount % _published.Length] = chunk;
            _publishedCount++;
            foreach (var sink in _sinks)
            {
                sink.Filled.Release();
            }
        }

        /// <summary>A sink is done with <paramref name="chunk"/>: the last one frees its buffer for the next chunk.</summary>
        private void Done(Parsed chunk)
        {
            if (!ReferenceEquals(chunk, _end) && Interlocked.Decrement(ref chunk.ReadersLeft) == 0)
            {
                Release(chunk);
            }
        }

        private void Release(Parsed chunk)
        {
            lock (_pool)
            {
                _pool.Push(chunk);
            }

            _permits.Release();
        }

        /// <summary>A parser: takes the next chunk in file order once a buffer is free, until none is left or the read stops.</summary>
        private void Parse()
        {
            try
            {
                while (true)
                {
                    _permits.Wait(_stop.Token);
                    int i = Interlocked.Increment(ref _next);
                    if (i >= _starts.Length)
                    {
                        return;
                    }

                    Parsed chunk;
                    lock (_pool)
                    {
                        chunk = _pool.Pop();
                    }

                    ReadChunk(i, chunk, null);
                    lock (_gate)
                    {
                        _parsed[i] = chunk;
                        Monitor.PulseAll(_gate);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The read stopped (a sink failed, a bad row, or the end): nothing more is wanted.
            }
        }

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

                        count++;
                    }

                    chunk.Count = count;
                }
                catch (TraceChunkFramingException e)
                {
                    chunk.FramingLine = e.LineInChunk;
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

        public void Dispose()
        {
            _stop.Dispose();
            _permits.Dispose();
            foreach (var sink in _sinks)
            {
                sink.Filled.Dispose();
            }
        }

        /// <summary>One sink on its own thread, taking every published chunk in order.</summary>
        private sealed class Sink
        {
            private readonly Run _run;
            private readonly ITraceSink _sink;
            private readonly Thread _thread;

            public Sink(Run run, int index, ITraceSink sink, int inFlight)
            {
                _run = run;
                _sink = sink;
                Filled = new SemaphoreSlim(0, inFlight + 2);
                _thread = new Thread(Consume) { IsBackground = true, Name = $"planner-chunk-sink-{index}" };
                _thread.Start();
            }

            public SemaphoreSlim Filled { get; }

            /// <summary>What the sink threw, or null.</summary>
            public ExceptionDispatchInfo? Failure { get; private set; }

            /// <summary>The row (counted from 0 over the whole read) the sink threw on.</summary>
            public long FailedAt { get; private set; } = long.MaxValue;

            public void Join() => _thread.Join();

            private void Consume()
            {
                long position = 0;
                for (long seq = 0; ; seq++)
                {
                    Filled.Wait();
                    var chunk = _run._published[seq % _run._published.Length];
                    if (ReferenceEquals(chunk, _run._end))
                    {
                        return;
                    }

                    if (Failure is null)
                    {
                        var rows = chunk.Rows;
                        int count = chunk.Count;
                        long lines = chunk.LinesBefore;
                        int i = 0;
                        try
                        {
                            // A row's line in the file: its line in the chunk plus the lines before the chunk.
                            for (; i < count; i++)
                            {
                                ref var row = ref rows[i];
                                LineOf(ref row) += lines;
                                _sink.Add(row);
                            }
                        }
                        catch (Exception e)
                        {
                            // Stop the read; keep taking chunks (without work) so every buffer is freed.
                            Failure = ExceptionDispatchInfo.Capture(e);
                            FailedAt = position + i;
                            _run._stop.Cancel();
                        }
                    }

                    position += chunk.Count;
                    _run.Done(chunk);
                }
            }
        }
    }
}
