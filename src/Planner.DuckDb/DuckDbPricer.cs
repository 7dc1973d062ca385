using System.Data.Common;
using DuckDB.NET.Data;
using Planner.Core;
using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Sql;
using Planner.Core.Traces;
using Planner.Core.Units;

namespace Planner.DuckDb;

/// <summary>Prices CSV, Parquet or JSON files (and globs) in-process with DuckDB, on every core, by running the
/// duckdb dialect of <see cref="PricingQuery"/>; builds the same <see cref="TraceCosts"/> the streaming reader does.</summary>
public static class DuckDbPricer
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    /// <summary>Prices every row of <paramref name="paths"/> (files or globs, all of one format).</summary>
    /// <exception cref="PlannerException">A file that cannot be read, a missing timestamp or model column, or a column
    /// the engine cannot price (audio given in seconds only).</exception>
    public static DuckDbPriceResult Price(ModelCatalog catalog, IReadOnlyList<string> paths, DuckDbPriceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(paths);
        options ??= new DuckDbPriceOptions();
        if (options.ModelOverride is { } forced)
        {
            catalog.Resolve(forced);
        }

        string from = DuckDbSource.FromItem(paths);
        string where = string.Join(", ", paths);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "SET TimeZone = 'UTC'");
        if (options.Threads is { } threads)
        {
            Execute(connection, $"SET threads = {threads:D}");
        }

        var columns = Run(where, () => Describe(connection, from));
        var mapping = Map(columns, where, options.ModelOverride);
        string query = PricingQuery.Generate(catalog, SqlDialects.DuckDb, new PricingQueryOptions { Table = from, Columns = mapping, Grain = SqlGrain.Hour });
        string wrapped = "SELECT status, reason, model, meter, usage_rows, CAST(requests AS BIGINT), CAST(tokens AS BIGINT), cost_usd, " +
            "epoch_us(first_at), epoch_us(last_at)\nFROM (\n" + query + ") q";
        var priced = Run(where, () => Read(connection, wrapped, query));
        return DuckDbSource.StoresRejects(paths) ? Run(where, () => CountMalformed(connection, priced)) : priced;
    }

    /// <summary>Rows DuckDB's CSV reader set aside (too few or too many fields, bad quoting, a line too long), one count a
    /// line, by the streaming reader's reason where it has one: read and rejected, never dropped.</summary>
    private static DuckDbPriceResult CountMalformed(DuckDBConnection connection, DuckDbPriceResult priced)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT error_type, count(*) FROM (SELECT file_id, line, min(CAST(error_type AS VARCHAR)) AS error_type " +
            "FROM reject_errors GROUP BY file_id, line) GROUP BY error_type ORDER BY error_type";
        using var reader = command.ExecuteReader();
        long rows = 0;
        while (reader.Read())
        {
            long count = reader.GetInt64(1);
            priced.Rejections.AddCount(MalformedKind(reader.GetString(0)), count);
            rows = checked(rows + count);
        }

        return rows == 0 ? priced : priced with { RowsRead = checked(priced.RowsRead + rows) };
    }

    private static string MalformedKind(string errorType) => errorType switch
    {
        "MISSING COLUMNS" => TraceRejectionKinds.MissingField,
        "UNQUOTED VALUE" => TraceRejectionKinds.MalformedQuoting,
        "CAST" => TraceRejectionKinds.UnparsableField,
        _ => "malformed_row",
    };

    private static DuckDbPriceResult Read(DuckDBConnection connection, string wrapped, string query)
    {
        var meters = SqlMeters.All;
        var groups = new List<Group>();
        var rejections = new TraceRejections();
        long rowsRead = 0;
        Group? current = null;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = wrapped;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                string status = reader.GetString(0);
                long usageRows = reader.GetInt64(4);
                if (status == PricingQuery.Rejected)
                {
                    rejections.AddCount(reader.GetString(1), usageRows);
                    rowsRead = checked(rowsRead + usageRows);
                    continue;
                }

                string model = reader.GetString(2);
                long first = reader.GetInt64(8);
                long last = reader.GetInt64(9);
                if (current is null || current.Model != model || current.FirstMicros != first || current.LastMicros != last)
                {
                    current = new Group(model, first, last, reader.GetInt64(5), meters.Count);
                    groups.Add(current);
                    rowsRead = checked(rowsRead + usageRows);
                }

                int index = IndexOf(meters, reader.GetString(3));
                current.Tokens[index] = reader.GetInt64(6);
                current.Picodollars[index] = Picodollars(GetDecimal(reader, 7));
            }
        }

        // In order of first request, so models are listed in order of first appearance, as the streaming reader lists them.
        groups.Sort((a, b) => a.FirstMicros != b.FirstMicros ? a.FirstMicros.CompareTo(b.FirstMicros) : string.CompareOrdinal(a.Model, b.Model));
        var costs = new TraceCosts();
        foreach (var group in groups)
        {
            var first = Instant(group.FirstMicros);
            var hour = new DateTimeOffset(first.UtcTicks - (first.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
            costs.AddGroup(group.Model, hour, group.Requests, group.Usage(), group.Cost(), first, Instant(group.LastMicros));
        }

        return new DuckDbPriceResult(costs, rowsRead, rejections, query);
    }

    /// <summary>The mapping of Planner's trace columns to the files' columns (matched exactly, else ignoring case and
    /// surrounding spaces, as the streaming reader matches them); absent token columns count 0.</summary>
    private static UsageColumns Map(IReadOnlyList<string> columns, string where, string? modelOverride)
    {
        string? Find(string field) =>
            columns.FirstOrDefault(c => c == field) ?? columns.FirstOrDefault(c => string.Equals(c.Trim(), field, StringComparison.OrdinalIgnoreCase));

        var problems = new List<string>();
        string? timestamp = Find(UsageColumns.TimestampField);
        string? model = Find(UsageColumns.ModelField);
        if (timestamp is null)
        {
            problems.Add($"{where}: no '{UsageColumns.TimestampField}' column (columns: {string.Join(", ", columns)})");
        }

        if (model is null && modelOverride is null)
        {
            problems.Add($"{where}: no '{UsageColumns.ModelField}' column (columns: {string.Join(", ", columns)})");
        }

        var meters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var meter in SqlMeters.All)
        {
            if (Find(meter.Field) is { } column)
            {
                meters[meter.Field] = Identifier(column);
            }
        }

        foreach (var meter in SqlMeters.All)
        {
            if (TraceColumns.SecondsColumn(meter.Meter) is { } seconds && Find(seconds) is not null)
            {
                problems.Add($"{where}: {seconds}: audio given in seconds is not read by the duckdb engine; give {meter.Field}, or price with the streaming engine");
            }
        }

        if (problems.Count > 0)
        {
            throw new PlannerException(PlannerErrorKind.InvalidTrace, string.Join("; ", problems));
        }

        return UsageColumns.Planner with
        {
            Timestamp = Identifier(timestamp!),
            Model = modelOverride is { } forced ? SqlDialect.StringLiteral(forced) : Identifier(model!),
            Meters = meters,
        };
    }

    private static List<string> Describe(DuckDBConnection connection, string from)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"DESCRIBE SELECT * FROM {from}";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Runs a step; DuckDB's own errors (no file matches, unreadable file, overflow) name the files and stop with exit 2.</summary>
    private static T Run<T>(string where, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (DuckDBException e)
        {
            throw new PlannerException(PlannerErrorKind.InvalidTrace, $"{where}: {FirstLine(e.Message)}");
        }
    }

    private static string FirstLine(string message)
    {
        int newline = message.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? message : message[..newline];
    }

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static int IndexOf(IReadOnlyList<SqlMeter> meters, string name)
    {
        for (int i = 0; i < meters.Count; i++)
        {
            if (meters[i].Name == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"the query returned an unknown meter '{name}'");
    }

    private static decimal GetDecimal(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0m : reader.GetDecimal(ordinal);

    /// <summary>An amount with at most 12 decimal places as whole picodollars, exactly.</summary>
    private static long Picodollars(decimal usd)
    {
        decimal pico = usd * 1_000_000_000_000m;
        if (pico != decimal.Truncate(pico))
        {
            throw new InvalidOperationException($"the query returned {usd} USD, finer than a picodollar");
        }

        return checked((long)pico);
    }

    private static DateTimeOffset Instant(long microseconds) =>
        new(checked((microseconds * TicksPerMicrosecond) + DateTimeOffset.UnixEpoch.UtcTicks), TimeSpan.Zero);

    private sealed class Group(string model, long firstMicros, long lastMicros, long requests, int meters)
    {
        public string Model { get; } = model;
        public long FirstMicros { get; } = firstMicros;
        public long LastMicros { get; } = lastMicros;
        public long Requests { get; } = requests;
        public long[] Tokens { get; } = new long[meters];
        public long[] Picodollars { get; } = new long[meters];

        // Index i is meter i (SqlMeters.All is in Meter order).
        public Usage Usage() => new(Values(Tokens));

        public CostBreakdown Cost() => new(Values(Picodollars));

        private static MeterValues<long> Values(long[] values)
        {
            var result = default(MeterValues<long>);
            for (int i = 0; i < values.Length; i++)
            {
                result[(Meter)i] = values[i];
            }

            return result;
        }
    }
}
