using System.Runtime.ExceptionServices;

namespace Planner.Core.Traces;

/// <summary>Runs the chunks of one read on worker threads, taken in file order: once a chunk stops the read (a bad row
/// without SkipInvalid), the chunks after it are not started and those running give up at their next report, while the
/// chunks before it run to their end, so the merge, in file order, finds the file's first bad row. Used by the CSV trace
/// chunks (<see cref="TraceChunks"/>) and the response-log chunks alike.</summary>
/// <typeparam name="TChunk">What one chunk's read leaves.</typeparam>
internal sealed class ChunkWorkers<TChunk>(int count, long length)
    where TChunk : class
{
    private readonly long[] _bytesRead = new long[count];
    private Task[] _workers = [];
    private int _next = -1;
    private int _firstStopped = int.MaxValue;

    /// <summary>Each chunk's result, in file order; null for a chunk given up because an earlier one stopped the read.</summary>
    public TChunk?[] Results { get; } = new TChunk?[count];

    /// <summary>Starts up to <paramref name="parallelism"/> workers, which read chunks with <paramref name="read"/> (null
    /// when given up) until none is left; a result for which <paramref name="stops"/> holds stops the chunks after it.</summary>
    public void Start(int parallelism, Func<int, TChunk?> read, Func<TChunk, bool> stops)
    {
        _workers = new Task[Math.Clamp(parallelism, 1, count)];
        for (int w = 0; w < _workers.Length; w++)
        {
            _workers[w] = Task.Factory.StartNew(() => Work(read, stops), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
    }

    /// <summary>Waits for every worker, reporting the bytes read so far every 100 ms when asked, and the whole length once
    /// they are done (a read shorter than 100 ms is reported too); a worker's exception is rethrown as it was thrown.</summary>
    public void Wait(Action<long>? onProgress)
    {
        var all = Task.WhenAll(_workers);
        try
        {
            while (!all.Wait(onProgress is null ? Timeout.Infinite : 100))
            {
                long read = 0;
                for (int i = 0; i < _bytesRead.Length; i++)
                {
                    read += Volatile.Read(ref _bytesRead[i]);
                }

                onProgress!(Math.Min(read, length));
            }

            onProgress?.Invoke(length);
        }
        catch (AggregateException e)
        {
            ExceptionDispatchInfo.Capture(e.Flatten().InnerExceptions[0]).Throw();
        }
    }

    /// <summary>Records how far chunk <paramref name="i"/> has read (for progress).</summary>
    public void Report(int i, long bytes) => Volatile.Write(ref _bytesRead[i], bytes);

    /// <summary>Whether a chunk before chunk <paramref name="i"/> has stopped the read (chunk i cannot matter then).</summary>
    public bool EarlierStopped(int i) => Volatile.Read(ref _firstStopped) < i;

    private void Work(Func<int, TChunk?> read, Func<TChunk, bool> stops)
    {
        int i;
        while ((i = Interlocked.Increment(ref _next)) < count)
        {
            if (i > Volatile.Read(ref _firstStopped))
            {
                continue; // an earlier chunk stopped the read: this one cannot matter.
            }

            var chunk = read(i);
            Results[i] = chunk;
            if (chunk is not null && stops(chunk))
            {
                int seen;
                while (i < (seen = Volatile.Read(ref _firstStopped)) && Interlocked.CompareExchange(ref _firstStopped, i, seen) != seen)
                {
                }
            }
        }
    }
}
