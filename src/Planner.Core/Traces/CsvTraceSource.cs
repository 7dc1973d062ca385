namespace Planner.Core.Traces;

/// <summary>Planner's own CSV trace (docs/trace-format.md) as a usage source: a thin wrapper of <see cref="TraceReader"/>.</summary>
public sealed class CsvTraceSource : IUsageSource
{
    private readonly TraceReader _reader;
    private TraceRequest _last;

    private CsvTraceSource(TraceReader reader) => _reader = reader;

    /// <summary>The format key, "planner-csv".</summary>
    public const string FormatKey = "planner-csv";

    public string Path => _reader.Path;

    public string Format => FormatKey;

    public long RowsRead => _reader.RowsRead;

    public long RowsPriced => _reader.RowsPriced;

    public TraceRejections Rejections => _reader.Rejections;

    public long FileLength => _reader.FileLength;

    public long BytePosition => _reader.BytePosition;

    public bool ConvertedAudioSeconds => _reader.ConvertedAudioSeconds;

    public IReadOnlyList<string> Assumptions => [];

    /// <summary>Opens a CSV trace.</summary>
    public static CsvTraceSource Open(string path, Catalog.ModelCatalog catalog, TraceOptions options, TraceRejections rejections) =>
        new(TraceReader.Open(path, catalog, options, rejections));

    /// <summary>A CSV trace already open.</summary>
    public static CsvTraceSource Wrap(TraceReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new CsvTraceSource(reader);
    }

    public bool TryRead(out TraceRequest request)
    {
        bool read = _reader.TryRead(out request);
        _last = request;
        return read;
    }

    public string? GroupOf(UsageGroupBy by) => by == UsageGroupBy.Model && _last.Model is { } model ? model.BillingId : null;

    public void Dispose() => _reader.Dispose();
}
