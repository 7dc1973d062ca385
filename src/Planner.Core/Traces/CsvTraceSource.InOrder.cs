namespace Planner.Core.Traces;

public sealed partial class CsvTraceSource
{
    /// <summary>Reads the whole trace in line-aligned chunks on every core (<see cref="TraceChunkFeed"/>) and feeds every
    /// valid row, in file order and with its line in the file, to each of <paramref name="sinks"/> on a thread of its own,
    /// as <see cref="TracePipeline.ReadAll"/> does from one reader: the same rows, rejections, first bad row and
    /// time-order check. <paramref name="onProgress"/> is called on the calling thread.</summary>
    /// <returns>False, having read nothing, when the trace is read sequentially instead: standard input, a file under
    /// <see cref="TraceChunking.FromBytes"/>, UTF-16 text, or rows already read.</returns>
    internal bool ReadAllInOrder(IReadOnlyList<ITraceSink> sinks, Action<IUsageSource>? onProgress)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        var chunking = _reader.Options.Chunking;
        if (_file is null || _chunked is not null || _reader.RowsRead > 0 || FileLength < chunking.FromBytes)
        {
            return false;
        }

        using var file = File.OpenHandle(_file, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        long length = RandomAccess.GetLength(file);
        // Many chunks, not one a core: the rows of only a few are held at once.
        if (TraceChunks.Plan(file, length, chunking with { Chunks = TraceChunkFeed.ChunksFor(length, chunking.Chunks) }) is not { } starts)
        {
            return false;
        }

        Action<long>? progress = onProgress is null ? null : read =>
        {
            _chunkedPosition = read;
            onProgress(this);
        };
        _chunked = TraceChunkFeed.Read(file, length, starts, _reader, _reader.Rejections, sinks, progress);
        _chunkedPosition = length;
        return true;
    }
}
