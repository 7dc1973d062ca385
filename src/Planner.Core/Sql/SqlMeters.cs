using Planner.Core.Catalog;

namespace Planner.Core.Sql;

/// <summary>The meters the pricing query iterates: <see cref="MeterTable"/>'s rows, in order, under their JSON keys
/// and trace columns. The query, the column presets and the DuckDB engine are generated from this list, so a new
/// meter in the meter table needs no change here.</summary>
public static class SqlMeters
{
    /// <summary>Every meter, in <see cref="Meter"/> order.</summary>
    public static IReadOnlyList<SqlMeter> All { get; } =
        [.. MeterTable.All.Select(m => new SqlMeter(m.Meter, m.JsonKey, m.TraceColumn, m.Direction == MeterDirection.Output))];
}
