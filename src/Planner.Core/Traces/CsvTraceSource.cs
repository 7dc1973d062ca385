namespace Planner.Core.Traces;

/// <summary>Planner's own CSV trace (docs/trace-format.md) as a usage source: a thin wrapper of <see cref="TraceReader"/>;
/// a large file can also be read in line-aligned chunks on every core (<see cref="ReadAllInChunks"/>).</summary>
public sealed partial class CsvTraceSource : IUsageSource
{
    private readonly TraceReader _reader;
    private readonly string? _file;
    private Catalog.ResolvedModel? _lastModel;
    private (long RowsRead, long RowsPriced, bool Converted)? _chunked;
    private long _chunkedPosition;

    private CsvTraceSource(TraceReader reader, string? file)
    {
        _reader = reader;
        _file = file;
    }

    /// <summary>The format key, "planner-csv".</summary>
    public const string FormatKey = "planner-csv";

    public string Path => _reader.Path;

    public string Format => FormatKey;

    public long RowsRead => _chunked?.RowsRead ?? _reader.RowsRead;

    public long RowsPriced => _chunked?.RowsPriced ?? _reader.RowsPriced;

    public TraceRejections Rejections => _reader.Rejections;

    public long FileLength => _reader.FileLength;

    public long BytePosition => _chunked is null && _chunkedPosition == 0 ? _reader.BytePosition : _chunkedPosition;

    public bool ConvertedAudioSeconds => _chunked?.Converted ?? _reader.ConvertedAudioSeconds;

    public IReadOnlyList<string> Assumptions => [];

    /// <summary>Opens a CSV trace.</summary>
    public static CsvTraceSource Open(string path, Catalog.ModelCatalog catalog, TraceOptions options, TraceRejections rejections) =>
        new(TraceReader.Open(path, catalog, options, rejections), path);

    /// <summary>A CSV trace already open (read sequentially).</summary>
    public static CsvTraceSource Wrap(TraceReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new CsvTraceSource(reader, null);
    }

    public bool TryRead(out TraceRequest request)
    {
        if (_chunked is not null)
        {
            request = default;
            return false;
        }

        bool read = _reader.TryRead(out request);
        _lastModel = request.Model;
        return read;
    }

    /// <summary>Reads valid rows' costs into <paramref name="costs"/> until <see cref="RowsRead"/> reaches
    /// <paramref name="untilRowsRead"/> (<see cref="TraceReader.ReadInto"/>); false at the end.</summary>
    internal bool ReadInto(TraceCosts costs, long untilRowsRead)
    {
        _lastModel = null;
        return _chunked is null && _reader.ReadInto(costs, untilRowsRead);
    }

    public string? GroupOf(UsageGroupBy by) => by == UsageGroupBy.Model && _lastModel is { } model ? model.BillingId : null;

    /// <summary>Reads the whole trace in line-aligned chunks on every core (<see cref="TraceOptions.Chunking"/>), each chunk
    /// into a sink of its own from <paramref name="sinkFor"/> (called on the chunk's thread with the chunk's source), and
    /// hands the sinks to <paramref name="merge"/> in file order, each with the number of lines before its chunk: a sink's
    /// rows are numbered from its chunk's start, so a row's line in the file is its <see cref="TraceRequest.Line"/> plus
    /// that number (0 for the first chunk). Rows, rejections (in line order, with their lines in
    /// the file), the first bad row and the time-order check are those of a sequential read.</summary>
    /// <returns>False, having read nothing, when the trace is read sequentially instead: standard input, a file under
    /// <see cref="TraceChunking.FromBytes"/>, UTF-16 text, or rows already read.</returns>
    public bool ReadAllInChunks<TSink>(Func<IUsageSource, TSink> sinkFor, Action<TSink, long> merge, Action<IUsageSource>? onProgress)
        where TSink : ITraceSink
    {
        ArgumentNullException.ThrowIfNull(sinkFor);
        ArgumentNullException.ThrowIfNull(merge);
        if (_file is null || _chunked is not null || _reader.RowsRead > 0 || FileLength < _reader.Options.Chunking.FromBytes)
        {
            return false;
        }

        using var file = File.OpenHandle(_file, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        long length = RandomAccess.GetLength(file);
        if (TraceChunks.Plan(file, length, _reader.Options.Chunking) is not { } starts)
        {
            return false;
        }

        Action<long>? progress = onProgress is null ? null : read =>
        {
            _chunkedPosition = read;
            onProgress(this);
        };
        _chunked = TraceChunks.Read(file, length, starts, _reader, _reader.Rejections, sinkFor, merge, progress);
        _chunkedPosition = length;
        return true;
    }

    public void Dispose() => _reader.Dispose();
}
