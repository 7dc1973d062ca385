namespace Planner.Core.Traces;

/// <summary>Reading a whole <see cref="IUsageSource"/> into a sink.</summary>
public static class UsageSourceExtensions
{
    /// <summary>Reads every remaining request into <paramref name="sink"/>, calling <paramref name="onProgress"/> every 65,536 rows.</summary>
    /// <returns>Rows read in all.</returns>
    public static long ReadAll<TSink>(this IUsageSource source, TSink sink, Action<IUsageSource>? onProgress = null)
        where TSink : ITraceSink
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sink);
        long next = 0x10000;
        if (source is CsvTraceSource csv && sink is TraceCosts costs)
        {
            // Costs only (price): the rows' costs are added as they are parsed, no request built.
            while (csv.ReadInto(costs, next))
            {
                next = source.RowsRead + 0x10000;
                onProgress?.Invoke(source);
            }

            return source.RowsRead;
        }

        while (source.TryRead(out var request))
        {
            sink.Add(request);
            if (onProgress is not null && source.RowsRead >= next)
            {
                next = source.RowsRead + 0x10000;
                onProgress(source);
            }
        }

        return source.RowsRead;
    }

    /// <summary>Reads every remaining request into sinks from <paramref name="sinkFor"/>, each handed to <paramref name="merge"/>
    /// in file order with the lines before the sink's part (add them to its rows' <see cref="TraceRequest.Line"/>): a large CSV trace in line-aligned chunks on every core, one sink per chunk
    /// (<see cref="CsvTraceSource.ReadAllInChunks"/>); anything else (standard input, small files, other formats) sequentially
    /// into one sink. The sinks' sums must merge exactly (integer totals do).</summary>
    /// <returns>Rows read in all.</returns>
    public static long ReadAllInChunks<TSink>(this IUsageSource source, Func<IUsageSource, TSink> sinkFor, Action<TSink, long> merge, Action<IUsageSource>? onProgress = null)
        where TSink : ITraceSink
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sinkFor);
        ArgumentNullException.ThrowIfNull(merge);
        if (source is CsvTraceSource csv && csv.ReadAllInChunks(sinkFor, merge, onProgress))
        {
            return csv.RowsRead;
        }

        if (source is Ingest.JsonLinesSource lines && lines.ReadAllInChunks(sinkFor, merge, onProgress))
        {
            return lines.RowsRead;
        }

        var sink = sinkFor(source);
        long read = source.ReadAll(sink, onProgress);
        merge(sink, 0);
        return read;
    }
}
