using Planner.Core.Catalog;

namespace Planner.Core.Traces;

/// <summary>Reads traces and usage files (docs/trace-format.md, docs/usage-formats.md; the format detected from the content) as a stream, in memory that does not grow with the trace's length.</summary>
public static class TraceFile
{
    /// <summary>Reads and prices every row in time order, once, as a stream.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="catalog">The catalog to resolve and price with.</param>
    /// <param name="options">How to read.</param>
    /// <param name="rejections">Receives rejected rows when <see cref="TraceOptions.SkipInvalid"/> is set.</param>
    /// <returns>The valid rows; rows read = rows yielded + rejections.Count.</returns>
    /// <exception cref="PlannerException">A missing file or header, or (without SkipInvalid) the first bad row,
    /// with a message "FILE:LINE: FIELD: reason".</exception>
    public static IEnumerable<TraceRequest> Read(string path, ModelCatalog catalog, TraceOptions options, TraceRejections rejections)
    {
        // Open eagerly, so a missing file or header is reported by the call, not by the first MoveNext.
        var reader = Ingest.UsageFormats.Open(path, catalog, options, rejections);
        return Enumerate(reader);
    }

    private static IEnumerable<TraceRequest> Enumerate(IUsageSource reader)
    {
        using (reader)
        {
            while (reader.TryRead(out var request))
            {
                yield return request;
            }
        }
    }
}
