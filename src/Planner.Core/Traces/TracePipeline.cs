using System.Buffers;
using System.Runtime.ExceptionServices;

namespace Planner.Core.Traces;

/// <summary>Reads a usage source on the calling thread and hands its valid rows, in file order, to sinks that each
/// run on a worker thread of their own (a simulator, a group of simulators): parsing and pricing overlap with what
/// consumes the rows. Rows travel in batches through a bounded ring (<see cref="Batches"/> pooled arrays of
/// <see cref="BatchRows"/> rows, reused), so memory stays flat and nothing is allocated per row.</summary>
/// <remarks>Every sink sees every row, in order, as <see cref="UsageSourceExtensions.ReadAll"/> would feed it. The
/// first failure in row order wins, as when reading directly: a bad row (the reader's exception) is raised after
/// the sinks have taken every row before it, and a sink that throws stops the reading (within a batch) and its
/// exception is raised instead of anything the reader met later. Nothing is returned on a failure.</remarks>
public static class TracePipeline
{
    /// <summary>Rows in one batch. The value is 1,024 (about 180 KB of rows).</summary>
    public const int BatchRows = 1024;

    /// <summary>Batches in the ring: how far the reader may run ahead of the slowest sink. The value is 8.</summary>
    public const int Batches = 8;

    /// <summary>True when a pipeline can help: there is more than one core to run it on.</summary>
    public static bool Pays => Environment.ProcessorCount > 1;

    /// <summary>Reads every remaining request and feeds each to <paramref name="onReader"/> (on the reading thread,
    /// before it is handed on) and to every one of <paramref name="sinks"/> (each on its own worker thread). A CSV trace
    /// file large enough to read in chunks (and no <paramref name="onReader"/>) is parsed in chunks on every core and fed
    /// in file order instead (<see cref="TraceChunkFeed"/>), with the same rows, rejections and failures.</summary>
    /// <param name="source">The open source.</param>
    /// <param name="sinks">The consumers; each must be safe to run on a thread of its own (nothing shared with another
    /// sink or with <paramref name="onReader"/> while the read runs).</param>
    /// <param name="onReader">A sink fed on the reading thread, or null.</param>
    /// <param name="onProgress">Called on the reading thread every 65,536 rows, or null.</param>
    /// <returns>Rows read in all.</returns>
    public static long ReadAll(IUsageSource source, IReadOnlyList<ITraceSink> sinks, ITraceSink? onReader = null, Action<IUsageSource>? onProgress = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sinks);
        if (sinks.Count == 0)
        {
            throw new ArgumentException("at least one sink is required", nameof(sinks));
        }

        // A large CSV file is parsed in chunks on every core instead (the same rows, in the same order, to the same sinks).
        if (onReader is null && source is CsvTraceSource csv && csv.ReadAllInOrder(sinks, onProgress))
        {
            return source.RowsRead;
        }

        using var ring = new Ring(sinks.Count);
        var workers = new Worker[sinks.Count];
        for (int k = 0; k < workers.Length; k++)
        {
            workers[k] = new Worker(ring, k, sinks[k]);
        }

        ExceptionDispatchInfo? readFailure = null;
        try
        {
            readFailure = Produce(source, ring, onReader, onProgress);
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Join();
            }
        }

        // The earliest failure in row order: a sink's (it stopped the read), else the reader's.
        Worker? failed = null;
        foreach (var worker in workers)
        {
            if (worker.Failure is not null && (failed is null || worker.FailedAt < failed.FailedAt))
            {
                failed = worker;
            }
        }

        failed?.Failure!.Throw();
        readFailure?.Throw();
        return source.RowsRead;
    }

    /// <summary>Fills batches until the source ends, fails, or a sink failed; always publishes a last batch.</summary>
    private static ExceptionDispatchInfo? Produce(IUsageSource source, Ring ring, ITraceSink? onReader, Action<IUsageSource>? onProgress)
    {
        long next = 0x10000;
        while (true)
        {
            var rows = ring.BeginWrite(out int slot);
            int count = 0;
            try
            {
                while (count < BatchRows && !ring.Cancelled && source.TryRead(out rows[count]))
                {
                    onReader?.Add(rows[count]);
                    count++;
                    if (onProgress is not null && source.RowsRead >= next)
                    {
                        next = source.RowsRead + 0x10000;
                        onProgress(source);
                    }
                }
            }
            catch (Exception e)
            {
                // The rows before the bad one still go to the sinks first, as they would have when read directly.
                ring.EndWrite(slot, count, last: true);
                return ExceptionDispatchInfo.Capture(e);
            }

            bool last = count < BatchRows || ring.Cancelled;
            ring.EndWrite(slot, count, last);
            if (last)
            {
                return null;
            }
        }
    }

    /// <summary>One sink on its own thread, reading every batch of the ring in order.</summary>
    private sealed class Worker
    {
        private readonly Ring _ring;
        private readonly int _index;
        private readonly ITraceSink _sink;
        private readonly Thread _thread;

        public Worker(Ring ring, int index, ITraceSink sink)
        {
            _ring = ring;
            _index = index;
            _sink = sink;
            _thread = new Thread(Run) { IsBackground = true, Name = $"planner-pipeline-{index}" };
            _thread.Start();
        }

        /// <summary>What the sink threw, or null.</summary>
        public ExceptionDispatchInfo? Failure { get; private set; }

        /// <summary>The row (counted from 0 over the whole read) the sink threw on.</summary>
        public long FailedAt { get; private set; } = long.MaxValue;

        public void Join() => _thread.Join();

        private void Run()
        {
            long position = 0;
            while (true)
            {
                var rows = _ring.BeginRead(_index, out int slot, out int count, out bool last);
                if (Failure is null)
                {
                    int i = 0;
                    try
                    {
                        for (; i < count; i++)
                        {
                            _sink.Add(rows[i]);
                        }
                    }
                    catch (Exception e)
                    {
                        // Stop the reader; keep taking batches (without work) so it is never left waiting for a slot.
                        Failure = ExceptionDispatchInfo.Capture(e);
                        FailedAt = position + i;
                        _ring.Cancel();
                    }
                }

                position += count;
                _ring.EndRead(slot);
                if (last)
                {
                    return;
                }
            }
        }
    }

    /// <summary>The bounded ring: a writer fills slots in order, every reader reads every slot in order, and a slot is
    /// free again once the last reader is done with it (slots free in order, since each reader goes in order).
    /// Two kinds of semaphore: free slots for the writer, filled slots per reader.</summary>
    private sealed class Ring : IDisposable
    {
        private readonly TraceRequest[][] _rows = new TraceRequest[Batches][];
        private readonly int[] _count = new int[Batches];
        private readonly bool[] _last = new bool[Batches];
        private readonly int[] _readersLeft = new int[Batches];
        private readonly int[] _readSlot;
        private readonly SemaphoreSlim _free = new(Batches, Batches);
        private readonly SemaphoreSlim[] _filled;
        private readonly int _readers;
        private int _writeSlot;
        private volatile bool _cancelled;

        public Ring(int readers)
        {
            _readers = readers;
            _readSlot = new int[readers];
            _filled = new SemaphoreSlim[readers];
            for (int k = 0; k < readers; k++)
            {
                _filled[k] = new SemaphoreSlim(0, Batches);
            }

            for (int i = 0; i < Batches; i++)
            {
                _rows[i] = ArrayPool<TraceRequest>.Shared.Rent(BatchRows);
            }
        }

        public bool Cancelled => _cancelled;

        public void Cancel() => _cancelled = true;

        public TraceRequest[] BeginWrite(out int slot)
        {
            _free.Wait();
            slot = _writeSlot;
            return _rows[slot];
        }

        public void EndWrite(int slot, int count, bool last)
        {
            _count[slot] = count;
            _last[slot] = last;
            _readersLeft[slot] = _readers;
            _writeSlot = (slot + 1) % Batches;
            foreach (var filled in _filled)
            {
                filled.Release();
            }
        }

        public TraceRequest[] BeginRead(int reader, out int slot, out int count, out bool last)
        {
            _filled[reader].Wait();
            slot = _readSlot[reader];
            _readSlot[reader] = (slot + 1) % Batches;
            count = _count[slot];
            last = _last[slot];
            return _rows[slot];
        }

        public void EndRead(int slot)
        {
            if (Interlocked.Decrement(ref _readersLeft[slot]) == 0)
            {
                _free.Release();
            }
        }

        public void Dispose()
        {
            foreach (var rows in _rows)
            {
                ArrayPool<TraceRequest>.Shared.Return(rows, clearArray: true);
            }

            _free.Dispose();
            foreach (var filled in _filled)
            {
                filled.Dispose();
            }
        }
    }
}
