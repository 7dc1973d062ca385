using System.Text.Json.Serialization;
using Planner.Core.Traces;

namespace Planner.Contract.Results;

/// <summary>What every trace-reading result starts with: the input's name and its rows, read = priced + rejected.
/// Results of price, simulate and recommend derive from it so these fields stay flat on the wire
/// (<c>"trace"</c>, <c>"rows_read"</c>, ... at the top level, as <c>--json</c> always had them).</summary>
public record TraceRowsResult
{
    public TraceRowsResult()
    {
    }

    /// <summary>The rows part of a read input.</summary>
    public TraceRowsResult(string trace, long rowsRead, TraceRejections rejections)
    {
        ArgumentNullException.ThrowIfNull(rejections);
        Trace = trace;
        RowsRead = rowsRead;
        RowsPriced = rowsRead - rejections.Count;
        RowsRejected = rejections.Count;
        Rejections = RejectionsResult.From(rejections);
    }

    /// <summary>The input as named (a path, a glob list, "&lt;stdin&gt;", an upload's file name).</summary>
    [JsonPropertyOrder(-2)]
    public string Trace { get; init; } = "";

    /// <summary>Rows read (valid and rejected).</summary>
    [JsonPropertyOrder(-2)]
    public long RowsRead { get; init; }

    /// <summary>Rows priced.</summary>
    [JsonPropertyOrder(-2)]
    public long RowsPriced { get; init; }

    /// <summary>Rows rejected.</summary>
    [JsonPropertyOrder(-2)]
    public long RowsRejected { get; init; }

    /// <summary>True when rows read = rows priced + rows rejected (nothing lost).</summary>
    [JsonPropertyOrder(-2)]
    public bool RowsBalance => RowsRead == RowsPriced + RowsRejected;

    /// <summary>The rejected rows, by reason and the first with their lines.</summary>
    [JsonPropertyOrder(-2)]
    public RejectionsResult Rejections { get; init; } = new() { ByReason = new Dictionary<string, long>(), First = [] };
}
