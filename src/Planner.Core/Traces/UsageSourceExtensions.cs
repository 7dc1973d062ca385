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
}
