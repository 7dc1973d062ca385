using System.Globalization;
using System.Text;
using Planner.Core.Catalog;
using Planner.Core.Traces;

namespace Planner.Core.Sql;

/// <summary>Writes one self-contained SQL query that prices a usage table exactly, in any of
/// <see cref="SqlDialects"/>: the catalog's price history as a constant table with effective-from and
/// effective-to dates for every name that resolves (model id, alias, snapshot, each at the prices it bills at),
/// joined on the name and the request's UTC date; costs in exact decimals (whole picodollars); grouped by day,
/// model and meter; rejected rows counted by reason in the same result, never dropped.</summary>
/// <remarks>Result columns: status ('priced' or 'rejected'), reason (null when priced), day, hour (with
/// <see cref="SqlGrain.Hour"/>), model (the billing id when priced, the name as given when rejected), meter (null
/// when rejected), usage_rows, requests, tokens, cost_usd, first_at, last_at. A priced group has one row per meter,
/// each with the group's usage_rows and requests.</remarks>
public static class PricingQuery
{
    /// <summary>The status of a priced group.</summary>
    public const string Priced = "priced";

    /// <summary>The status of a group of rejected rows.</summary>
    public const string Rejected = "rejected";

    /// <summary>Writes the query.</summary>
    public static string Generate(ModelCatalog catalog, SqlDialect dialect, PricingQueryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(dialect);
        options ??= new PricingQueryOptions();
        var columns = options.Columns;
        var meters = SqlMeters.All;
        bool hourly = options.Grain == SqlGrain.Hour;
        var sql = new StringBuilder();

        sql.AppendLine(CultureInfo.InvariantCulture, $"-- Planner pricing query ({dialect.Name}); catalog {catalog.Version ?? "(unversioned)"}; columns: {columns.Name}.");
        sql.AppendLine("-- Prices every usage row exactly at the prices in effect on its UTC date; rejected rows are counted by reason");
        sql.AppendLine("-- (status = 'rejected'), never dropped. Costs are exact decimals (whole picodollars).");
        if (columns.Assumption is { } assumption)
        {
            sql.AppendLine(CultureInfo.InvariantCulture, $"-- Assumes {assumption}.");
        }

        if (dialect.Note is { } note)
        {
            sql.AppendLine(CultureInfo.InvariantCulture, $"-- {note}");
        }

        // The price table: one row per name and price period.
        var priceColumns = new List<(string Name, string Type)>
        {
            ("model_name", dialect.TextType), ("billing_id", dialect.TextType), ("effective_from", dialect.DateType),
            ("effective_to", dialect.DateType), ("max_output_tokens", dialect.IntegerType), ("context_window", dialect.IntegerType),
        };
        priceColumns.AddRange(meters.Select(m => ($"{m.Name}_usd", dialect.PriceDecimalType)));
        var priceRows = PriceRows(catalog, dialect).ToList();
        sql.AppendLine("WITH prices AS (");
        AppendConstantTable(sql, dialect, priceColumns, priceRows);
        sql.AppendLine("),");

        sql.AppendLine("meters AS (");
        AppendConstantTable(sql, dialect, [("meter", dialect.TextType), ("meter_order", dialect.IntegerType)],
            meters.Select((m, i) => new[] { SqlDialect.StringLiteral(m.Name), (i + 1).ToString(CultureInfo.InvariantCulture) }).ToList());
        sql.AppendLine("),");

        // The usage rows, each field read once through the mapping.
        sql.AppendLine("usage_rows AS (");
        sql.AppendLine("  SELECT");
        sql.AppendLine(CultureInfo.InvariantCulture, $"    {columns.Timestamp} AS ts_raw,");
        sql.AppendLine(CultureInfo.InvariantCulture, $"    {columns.Model} AS model_raw,");
        sql.AppendLine(CultureInfo.InvariantCulture, $"    {columns.Requests ?? "1"} AS requests_raw,");
        sql.AppendLine(string.Join(",\n", meters.Select(m => $"    {columns.MeterExpression(m)} AS {m.Name}_raw")));
        sql.AppendLine(CultureInfo.InvariantCulture, $"  FROM {options.Table}");
        sql.AppendLine("),");

        sql.AppendLine("parsed AS (");
        sql.AppendLine("  SELECT");
        sql.AppendLine("    u.*,");
        string instant = columns.TimestampIsUnixSeconds ? dialect.UnixSeconds(dialect.Integer("u.ts_raw")) : dialect.Timestamp("u.ts_raw");
        sql.AppendLine(CultureInfo.InvariantCulture, $"    {instant} AS ts,");
        sql.AppendLine(CultureInfo.InvariantCulture, $"    {dialect.Cast("u.model_raw", dialect.TextType)} AS model_text,");
        sql.AppendLine(CultureInfo.InvariantCulture, $"    LOWER(TRIM({dialect.Cast("u.model_raw", dialect.TextType)})) AS model_key,");
        sql.AppendLine(CultureInfo.InvariantCulture, $"    {dialect.Integer("u.requests_raw")} AS requests,");
        sql.AppendLine(string.Join(",\n", meters.Select(m => $"    {dialect.Integer($"u.{m.Name}_raw")} AS {m.Name}_tokens")));
        sql.AppendLine("  FROM usage_rows u");
        sql.AppendLine("),");

        sql.AppendLine("dated AS (");
        sql.AppendLine(CultureInfo.InvariantCulture, $"  SELECT p.*, {dialect.UtcDate("p.ts")} AS day{(hourly ? $", {dialect.UtcHour("p.ts")} AS hour" : "")}");
        sql.AppendLine("  FROM parsed p");
        sql.AppendLine("),");

        // One reason per rejected row, in the order the trace reader checks them (docs/trace-format.md).
        sql.AppendLine("checked AS (");
        sql.AppendLine("  SELECT");
        sql.AppendLine("    d.*,");
        sql.AppendLine("    pr.billing_id,");
        sql.AppendLine(string.Join(",\n", meters.Select(m => $"    {dialect.Cast($"COALESCE(pr.{m.Name}_usd, 0)", dialect.PriceDecimalType)} AS {m.Name}_usd")) + ",");
        sql.AppendLine("    CASE");
        sql.AppendLine(CultureInfo.InvariantCulture, $"      WHEN d.ts_raw IS NULL THEN '{TraceRejectionKinds.MissingField}'");
        sql.AppendLine(CultureInfo.InvariantCulture, $"      WHEN d.ts IS NULL THEN '{TraceRejectionKinds.UnparsableField}'");
        sql.AppendLine(CultureInfo.InvariantCulture, $"      WHEN d.model_key IS NULL OR d.model_key = '' THEN '{TraceRejectionKinds.MissingField}'");
        sql.AppendLine(CultureInfo.InvariantCulture, $"      WHEN k.model_name IS NULL THEN '{TraceRejectionKinds.UnknownModel}'");
        var counted = meters.Select(m => (Raw: $"d.{m.Name}_raw", Value: $"d.{m.Name}_tokens"))
            .Append((Raw: "d.requests_raw", Value: "d.requests"));
        foreach (var (raw, value) in counted)
        {
            if (dialect.CastsFailSoftly)
            {
                sql.AppendLine(CultureInfo.InvariantCulture, $"      WHEN {raw} IS NOT NULL AND {value} IS NULL THEN '{TraceRejectionKinds.UnparsableField}'");
            }

            sql.AppendLine(CultureInfo.InvariantCulture, $"      WHEN {value} < 0 THEN '{TraceRejectionKinds.NegativeCount}'");
        }

        if (columns.Requests is null)
        {
            string output = string.Join(" + ", meters.Where(m => m.IsOutput).Select(m => $"COALESCE(d.{m.Name}_tokens, 0)"));
            string all = string.Join(" + ", meters.Select(m => $"COALESCE(d.{m.Name}_tokens, 0)"));
            sql.AppendLine(CultureInfo.InvariantCulture, $"      WHEN {output} > k.max_output_tokens THEN '{TraceRejectionKinds.OverCap}'");
            sql.AppendLine(CultureInfo.InvariantCulture, $"      WHEN {all} > k.context_window THEN '{TraceRejectionKinds.OverCap}'");
        }

        sql.AppendLine(CultureInfo.InvariantCulture, $"      WHEN pr.billing_id IS NULL THEN '{TraceRejectionKinds.NoPrice}'");
        foreach (var meter in meters)
        {
            sql.AppendLine(CultureInfo.InvariantCulture, $"      WHEN pr.{meter.Name}_usd IS NULL AND COALESCE(d.{meter.Name}_tokens, 0) <> 0 THEN '{TraceRejectionKinds.UnpricedMeter}'");
        }

        sql.AppendLine("    END AS reason");
        sql.AppendLine("  FROM dated d");
        sql.AppendLine("  LEFT JOIN (SELECT DISTINCT model_name, max_output_tokens, context_window FROM prices) k ON k.model_name = d.model_key");
        sql.AppendLine("  LEFT JOIN prices pr ON pr.model_name = d.model_key AND d.day >= pr.effective_from");
        // An open end as the last date every engine has, not "IS NULL OR": an OR keeps engines (DuckDB) from a hash join.
        sql.AppendLine(CultureInfo.InvariantCulture, $"    AND d.day < COALESCE({dialect.Cast("pr.effective_to", dialect.DateType)}, {dialect.DateLiteral(DateOnly.MaxValue)})");
        sql.AppendLine("),");

        string hourKey = hourly ? ", hour" : "";
        sql.AppendLine("grouped AS (");
        sql.AppendLine("  SELECT");
        sql.AppendLine(CultureInfo.InvariantCulture, $"    reason, day{hourKey},");
        sql.AppendLine("    CASE WHEN reason IS NULL THEN billing_id ELSE model_text END AS model,");
        sql.AppendLine("    COUNT(*) AS usage_rows,");
        sql.AppendLine(CultureInfo.InvariantCulture, $"    SUM({dialect.Cast("requests", dialect.TokenDecimalType)}) AS requests,");
        sql.AppendLine("    MIN(ts) AS first_at,");
        sql.AppendLine("    MAX(ts) AS last_at,");
        sql.AppendLine(string.Join(",\n", meters.Select(m =>
            $"    SUM({dialect.Cast($"COALESCE({m.Name}_tokens, 0)", dialect.TokenDecimalType)}) AS {m.Name}_tokens,\n" +
            $"    SUM({dialect.Cast($"COALESCE({m.Name}_tokens, 0)", dialect.TokenDecimalType)} * {m.Name}_usd) AS {m.Name}_cost")));
        sql.AppendLine("  FROM checked");
        sql.AppendLine(CultureInfo.InvariantCulture, $"  GROUP BY reason, day{hourKey}, CASE WHEN reason IS NULL THEN billing_id ELSE model_text END");
        sql.AppendLine(")");

        // Priced groups unpivot to one row per meter; rejected groups keep one row.
        sql.AppendLine("SELECT");
        sql.AppendLine(CultureInfo.InvariantCulture, $"  CASE WHEN g.reason IS NULL THEN '{Priced}' ELSE '{Rejected}' END AS status,");
        sql.AppendLine(CultureInfo.InvariantCulture, $"  g.reason, g.day{(hourly ? ", g.hour" : "")}, g.model,");
        sql.AppendLine("  CASE WHEN g.reason IS NULL THEN m.meter END AS meter,");
        sql.AppendLine("  g.usage_rows, g.requests,");
        sql.AppendLine("  CASE WHEN g.reason IS NULL THEN CASE m.meter");
        sql.AppendLine(string.Join("\n", meters.Select(m => $"    WHEN '{m.Name}' THEN g.{m.Name}_tokens")));
        sql.AppendLine("  END END AS tokens,");
        sql.AppendLine("  CAST(CASE WHEN g.reason IS NULL THEN CASE m.meter");
        sql.AppendLine(string.Join("\n", meters.Select(m => $"    WHEN '{m.Name}' THEN g.{m.Name}_cost")));
        sql.AppendLine(CultureInfo.InvariantCulture, $"  END END AS {dialect.MoneyDecimalType}) AS cost_usd,");
        sql.AppendLine("  g.first_at, g.last_at");
        sql.AppendLine("FROM grouped g CROSS JOIN meters m");
        sql.AppendLine("WHERE g.reason IS NULL OR m.meter_order = 1");
        sql.AppendLine(CultureInfo.InvariantCulture, $"ORDER BY status, g.reason, g.day{(hourly ? ", g.hour" : "")}, g.model, m.meter_order");
        return sql.ToString();
    }

    /// <summary>Every name the catalog resolves, each with the price periods it bills at (its snapshot's own, else
    /// its model's), cut at the shutdown date.</summary>
    private static IEnumerable<string[]> PriceRows(ModelCatalog catalog, SqlDialect dialect)
    {
        foreach (var model in catalog.Models)
        {
            var names = new List<string> { model.Id };
            names.AddRange(model.Aliases);
            names.AddRange(model.Snapshots.Select(s => s.Id));
            foreach (string name in names)
            {
                var resolved = catalog.Resolve(name);
                var prices = resolved.Prices;
                for (int i = 0; i < prices.Count; i++)
                {
                    DateOnly from = prices[i].EffectiveFrom;
                    DateOnly? to = i + 1 < prices.Count ? prices[i + 1].EffectiveFrom : null;
                    if (resolved.Shutdown is { } shutdown && (to is null || shutdown < to))
                    {
                        to = shutdown;
                    }

                    if (to is { } end && end <= from)
                    {
                        continue;
                    }

                    var row = new List<string>
                    {
                        SqlDialect.StringLiteral(name.ToLowerInvariant()),
                        SqlDialect.StringLiteral(resolved.BillingId),
                        dialect.DateLiteral(from),
                        to is { } until ? dialect.DateLiteral(until) : "NULL",
                        model.MaxOutputTokens.Value.ToString(CultureInfo.InvariantCulture),
                        model.ContextWindow.Value.ToString(CultureInfo.InvariantCulture),
                    };
                    // A meter the model does not price is NULL: tokens on it reject the row (unpriced_meter).
                    row.AddRange(SqlMeters.All.Select(m => prices[i][m.Meter] is { } price ? UsdPerToken(price.PicodollarsPerToken) : "NULL"));
                    yield return row.ToArray();
                }
            }
        }
    }

    /// <summary>Whole picodollars per token as an exact USD literal with 12 decimal places.</summary>
    private static string UsdPerToken(long picodollars) =>
        (picodollars / 1_000_000_000_000m).ToString("0.000000000000", CultureInfo.InvariantCulture);

    private static void AppendConstantTable(StringBuilder sql, SqlDialect dialect, IReadOnlyList<(string Name, string Type)> columns, IReadOnlyList<string[]> rows)
    {
        if (dialect.ValuesAsStructArray)
        {
            sql.AppendLine(CultureInfo.InvariantCulture,
                $"  SELECT * FROM UNNEST(ARRAY<STRUCT<{string.Join(", ", columns.Select(c => $"{c.Name} {c.Type}"))}>>[");
            sql.AppendLine(string.Join(",\n", rows.Select(r => $"    ({string.Join(", ", r)})")));
            sql.AppendLine("  ])");
            return;
        }

        sql.AppendLine("  SELECT * FROM (VALUES");
        sql.AppendLine(string.Join(",\n", rows.Select(r => $"    ({string.Join(", ", r)})")));
        sql.AppendLine(CultureInfo.InvariantCulture, $"  ) AS v({string.Join(", ", columns.Select(c => c.Name))})");
    }
}
