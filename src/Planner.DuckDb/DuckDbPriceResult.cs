using Planner.Core.Traces;

namespace Planner.DuckDb;

/// <summary>What the DuckDB engine priced: the same cost and rejection objects as the streaming reader builds.</summary>
/// <param name="Costs">The exact costs, by model, meter, hour and day.</param>
/// <param name="RowsRead">Rows read from every file.</param>
/// <param name="Rejections">Rejected rows counted by reason (lines are not known to the engine: none are listed).</param>
/// <param name="Query">The query that ran.</param>
public sealed record DuckDbPriceResult(TraceCosts Costs, long RowsRead, TraceRejections Rejections, string Query);
