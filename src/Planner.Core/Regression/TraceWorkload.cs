using Planner.Core.Catalog;
using Planner.Core.Traces;

namespace Planner.Core.Regression;

/// <summary>A workload read from a CSV trace file, re-read and re-priced under each catalog (so a
/// change of audio-token rates changes its token counts too). Bad rows stop the read: a
/// regression guard must not quietly price fewer requests under one catalog than under the other.</summary>
public sealed class TraceWorkload : IWorkload
{
    /// <summary>Creates a workload from <paramref name="path"/>; its name is the file name without extension.</summary>
    public TraceWorkload(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
        Name = System.IO.Path.GetFileNameWithoutExtension(path);
    }

    /// <summary>The trace file.</summary>
    public string Path { get; }

    public string Name { get; }

    public IEnumerable<TraceRequest> Read(ModelCatalog catalog) => TraceFile.Read(Path, catalog, Options, new TraceRejections());

    /// <summary>The exact cost of the trace under <paramref name="catalog"/>: a large CSV trace is read in chunks on every core.</summary>
    public TraceCosts Price(ModelCatalog catalog)
    {
        var costs = new TraceCosts();
        using var source = Ingest.UsageFormats.Open(Path, catalog, Options, new TraceRejections());
        source.ReadAllInChunks(_ => new TraceCosts(), (chunk, _) => costs.Add(chunk));
        return costs;
    }

    private static TraceOptions Options => new() { RequireRequests = true };
}
