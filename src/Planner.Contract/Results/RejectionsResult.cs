using Planner.Core.Traces;

namespace Planner.Contract.Results;

/// <summary>Rejected rows: a count per reason (in key order) and the first <see cref="TraceRejections.ListedAtMost"/> with their lines.</summary>
public sealed record RejectionsResult
{
    /// <summary>Rows per reason key, e.g. "bad_timestamp": 3, in ordinal key order.</summary>
    public required IReadOnlyDictionary<string, long> ByReason { get; init; }

    /// <summary>The first rejected rows, in input order.</summary>
    public required IReadOnlyList<RejectionItem> First { get; init; }

    /// <summary>All rejected rows (the sum of <see cref="ByReason"/>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public long Count => ByReason.Values.Sum();

    /// <summary>The record of Core's rejections.</summary>
    public static RejectionsResult From(TraceRejections rejections)
    {
        ArgumentNullException.ThrowIfNull(rejections);
        var byReason = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (kind, count) in rejections.ByReason.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            byReason.Add(kind, count);
        }

        return new RejectionsResult { ByReason = byReason, First = [.. rejections.First.Select(r => new RejectionItem(r.Line, r.Kind, r.Message))] };
    }
}
