using Planner.Core.Traces;

namespace Planner.Core.Ingest;

/// <summary>A source over a stream it does not dispose (Planner's CSV reader leaves its stream open), with the stream
/// disposed beside it: every source <see cref="UsageFormats.Open(Stream, string, Catalog.ModelCatalog, TraceOptions, TraceRejections)"/>
/// returns owns its stream.</summary>
internal sealed class OwnedStreamSource(IUsageSource source, Stream stream) : UsageSourceView(source)
{
    public override bool TryRead(out TraceRequest request) => Source.TryRead(out request);

    public override string? GroupOf(UsageGroupBy by) => Source.GroupOf(by);

    public override void Dispose()
    {
        Source.Dispose();
        stream.Dispose();
    }
}
