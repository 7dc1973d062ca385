using System.Collections.Concurrent;
using Planner.Core;
using Planner.Core.Traces;

namespace Planner.Web.Pages;

/// <summary>One read of a usage source shared by several consumers: the Your usage page prices, simulates, recommends
/// and reconciles one upload that can be read only once (it streams from the request). The source is read on the
/// calling thread in batches; each consumer runs on its own thread on a view that returns the same rows in the same
/// order, so each consumer is the same contract service call as the CLI's. Memory stays flat: each view holds at
/// most <see cref="Depth"/> batches, and the reader waits for the slowest consumer.</summary>
internal static class UsageTee
{
    /// <summary>Rows per batch handed to the consumers.</summary>
    private const int BatchRows = 4096;

    /// <summary>Batches a consumer may have waiting.</summary>
    private const int Depth = 4;

    /// <summary>Reads <paramref name="source"/> once and runs every consumer on it; each result in the consumers' order.
    /// <paramref name="start"/> sees the first row (or null for an empty source) before the consumers start, and returns them.</summary>
    /// <exception cref="PlannerException">A bad row (thrown by the source), or the first consumer's own input error.</exception>
    public static object?[] Run(IUsageSource source, Func<TraceRequest?, IReadOnlyList<Func<IUsageSource, object?>>> start, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(start);
        TraceRequest? first = source.TryRead(out var row) ? row : null;
        var consumers = start(first);
        var views = consumers.Select(_ => new View(source)).ToArray();
        var tasks = new Task<object?>[consumers.Count];
        for (int i = 0; i < tasks.Length; i++)
        {
            var (consume, view) = (consumers[i], views[i]);
            tasks[i] = Task.Factory.StartNew(() =>
            {
                try
                {
                    return consume(view);
                }
                finally
                {
                    view.Leave();
                }
            }, cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        Exception? failure = null;
        try
        {
            var batch = new List<TraceRequest>(BatchRows);
            if (first is { } f)
            {
                batch.Add(f);
                while (source.TryRead(out var request))
                {
                    batch.Add(request);
                    if (batch.Count == BatchRows)
                    {
                        Send(views, [.. batch], cancellation);
                        batch.Clear();
                    }
                }
            }

            if (batch.Count > 0)
            {
                Send(views, [.. batch], cancellation);
            }
        }
        catch (Exception e) when (e is PlannerException or OperationCanceledException)
        {
            failure = e;
        }

        foreach (var view in views)
        {
            view.End(failure);
        }

        try
        {
            Task.WaitAll(tasks, CancellationToken.None);
        }
        catch (AggregateException)
        {
            // The first consumer's error is rethrown below, unwrapped, unless the read itself failed.
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }

        foreach (var task in tasks)
        {
            if (task.Exception?.InnerException is { } inner)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(inner).Throw();
            }
        }

        foreach (var view in views)
        {
            view.Dispose();
        }

        return [.. tasks.Select(t => t.Result)];
    }

    private static void Send(View[] views, TraceRequest[] batch, CancellationToken cancellation)
    {
        foreach (var view in views)
        {
            view.Offer(batch, cancellation);
        }
    }

    /// <summary>A consumer's view of the shared read: the rows in order; the counts and rejections are the source's
    /// (final once the view has returned its last row, which is when a service reads them).</summary>
    private sealed class View(IUsageSource source) : UsageSourceView(source)
    {
        private readonly BlockingCollection<TraceRequest[]> _batches = new(Depth);
        private readonly CancellationTokenSource _left = new();
        private TraceRequest[] _current = [];
        private int _next;
        private Exception? _failure;

        /// <summary>The page groups nothing: a view has no per-row group.</summary>
        public override string? GroupOf(UsageGroupBy by) => null;

        public override bool TryRead(out TraceRequest request)
        {
            while (_next == _current.Length)
            {
                if (!_batches.TryTake(out var batch, Timeout.Infinite))
                {
                    if (_failure is PlannerException e)
                    {
                        throw new PlannerException(e.Kind, e.Message);
                    }

                    if (_failure is not null)
                    {
                        throw new OperationCanceledException();
                    }

                    request = default;
                    return false;
                }

                _current = batch;
                _next = 0;
            }

            request = _current[_next++];
            return true;
        }

        /// <summary>Hands a batch to the consumer, waiting while it has <see cref="Depth"/>; dropped once it has left.</summary>
        public void Offer(TraceRequest[] batch, CancellationToken cancellation)
        {
            if (_left.IsCancellationRequested)
            {
                return;
            }

            using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellation, _left.Token);
            try
            {
                _batches.Add(batch, either.Token);
            }
            catch (OperationCanceledException) when (_left.IsCancellationRequested && !cancellation.IsCancellationRequested)
            {
                // The consumer stopped (its own error): the others go on.
            }
        }

        /// <summary>The read is over (with the reader's error, if any).</summary>
        public void End(Exception? failure)
        {
            _failure = failure;
            _batches.CompleteAdding();
        }

        /// <summary>The consumer is done (or failed): nothing more is queued for it.</summary>
        public void Leave() => _left.Cancel();

        public override void Dispose()
        {
            _batches.Dispose();
            _left.Dispose();
        }
    }
}
