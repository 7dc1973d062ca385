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

    public IEnumerable<TraceRequest> Read(ModelCatalog catalog) => TraceFile.Read(Path, catalog, new TraceOptions { RequireRequests = true }, new TraceRejections());
}
