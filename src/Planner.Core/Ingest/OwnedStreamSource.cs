using Planner.Core.Traces;

namespace Planner.Core.Ingest;

/// <summary>A source over a stream it does not dispose (Planner's CSV reader leaves its stream open), with the stream
/// disposed beside it: every source <see cref="UsageFormats.Open(Stream, string, Catalog.ModelCatalog, TraceOptions, TraceRejections)"/>
/// returns owns its stream.</summary>
internal sealed class OwnedStreamSource(IUsageSource source, Stream stream) : IUsageSource
{
    public string Path => source.Path;

    public string Format => source.Format;

    public long RowsRead => source.RowsRead;

    public long RowsPriced => source.RowsPriced;

    public TraceRejections Rejections => source.Rejections;

    public long FileLength => source.FileLength;

    public long BytePosition => source.BytePosition;

    public bool ConvertedAudioSeconds => source.ConvertedAudioSeconds;

    public IReadOnlyList<string> Assumptions => source.Assumptions;

    public bool TryRead(out TraceRequest request) => source.TryRead(out request);

    public string? GroupOf(UsageGroupBy by) => source.GroupOf(by);

    public void Dispose()
    {
        source.Dispose();
        stream.Dispose();
    }
}
