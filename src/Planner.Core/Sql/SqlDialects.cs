namespace Planner.Core.Sql;

/// <summary>The SQL engines <see cref="PricingQuery"/> writes for: one row each.</summary>
public static class SqlDialects
{
    /// <summary>DuckDB (run by the tests and by <c>price --engine duckdb</c>).</summary>
    public static SqlDialect DuckDb { get; } = new()
    {
        Name = "duckdb",
        TextType = "VARCHAR",
        IntegerType = "BIGINT",
        DateType = "DATE",
        TokenDecimalType = "DECIMAL(19,0)",
        PriceDecimalType = "DECIMAL(18,12)",
        MoneyDecimalType = "DECIMAL(38,12)",
        DateLiteralFormat = "DATE '{0}'",
        TimestampFormat = "TRY_CAST({0} AS TIMESTAMPTZ)",
        UnixSecondsFormat = "to_timestamp({0})",
        // From the instant's microseconds since the epoch: plain arithmetic, no time-zone library call per row.
        UtcDateFormat = "CAST(make_timestamp(epoch_us({0})) AS DATE)",
        UtcHourFormat = "hour(make_timestamp(epoch_us({0})))",
        IntegerCastFormat = "TRY_CAST({0} AS BIGINT)",
        CastsFailSoftly = true,
        Note = "Timestamps without an offset are read in the session time zone: SET TimeZone = 'UTC' first.",
        RunInTests = true,
    };

    /// <summary>Apache Spark SQL 3.4 or later (Databricks).</summary>
    public static SqlDialect Spark { get; } = new()
    {
        Name = "spark",
        TextType = "STRING",
        IntegerType = "BIGINT",
        DateType = "DATE",
        TokenDecimalType = "DECIMAL(19,0)",
        PriceDecimalType = "DECIMAL(18,12)",
        MoneyDecimalType = "DECIMAL(38,12)",
        DateLiteralFormat = "DATE '{0}'",
        TimestampFormat = "TRY_CAST({0} AS TIMESTAMP)",
        UnixSecondsFormat = "timestamp_seconds({0})",
        UtcDateFormat = "CAST({0} AS DATE)",
        UtcHourFormat = "hour({0})",
        IntegerCastFormat = "TRY_CAST({0} AS BIGINT)",
        CastsFailSoftly = true,
        Note = "Run with spark.sql.session.timeZone = UTC (days and hours are UTC) and spark.sql.ansi.enabled = true (overflow is an error, not a wrap).",
    };

    /// <summary>Google BigQuery (GoogleSQL).</summary>
    public static SqlDialect BigQuery { get; } = new()
    {
        Name = "bigquery",
        TextType = "STRING",
        IntegerType = "INT64",
        DateType = "DATE",
        TokenDecimalType = "BIGNUMERIC",
        PriceDecimalType = "BIGNUMERIC",
        MoneyDecimalType = "BIGNUMERIC",
        DateLiteralFormat = "DATE '{0}'",
        TimestampFormat = "SAFE_CAST({0} AS TIMESTAMP)",
        UnixSecondsFormat = "TIMESTAMP_SECONDS({0})",
        UtcDateFormat = "DATE({0}, 'UTC')",
        UtcHourFormat = "EXTRACT(HOUR FROM {0} AT TIME ZONE 'UTC')",
        IntegerCastFormat = "SAFE_CAST({0} AS INT64)",
        ValuesAsStructArray = true,
        CastsFailSoftly = true,
    };

    /// <summary>Snowflake.</summary>
    public static SqlDialect Snowflake { get; } = new()
    {
        Name = "snowflake",
        TextType = "VARCHAR",
        IntegerType = "NUMBER(19,0)",
        DateType = "DATE",
        TokenDecimalType = "NUMBER(19,0)",
        PriceDecimalType = "NUMBER(18,12)",
        MoneyDecimalType = "NUMBER(38,12)",
        DateLiteralFormat = "DATE '{0}'",
        TimestampFormat = "CAST({0} AS TIMESTAMP_TZ)",
        UnixSecondsFormat = "TO_TIMESTAMP_TZ({0})",
        UtcDateFormat = "CAST(CONVERT_TIMEZONE('UTC', {0}) AS DATE)",
        UtcHourFormat = "HOUR(CONVERT_TIMEZONE('UTC', {0}))",
        IntegerCastFormat = "CAST({0} AS NUMBER(19,0))",
        CastsFailSoftly = false,
    };

    /// <summary>PostgreSQL 12 or later.</summary>
    public static SqlDialect Postgres { get; } = new()
    {
        Name = "postgres",
        TextType = "TEXT",
        IntegerType = "BIGINT",
        DateType = "DATE",
        TokenDecimalType = "NUMERIC(19,0)",
        PriceDecimalType = "NUMERIC(18,12)",
        MoneyDecimalType = "NUMERIC(38,12)",
        DateLiteralFormat = "DATE '{0}'",
        TimestampFormat = "CAST({0} AS TIMESTAMPTZ)",
        UnixSecondsFormat = "to_timestamp({0})",
        UtcDateFormat = "CAST(({0}) AT TIME ZONE 'UTC' AS DATE)",
        UtcHourFormat = "CAST(EXTRACT(HOUR FROM ({0}) AT TIME ZONE 'UTC') AS INTEGER)",
        IntegerCastFormat = "CAST({0} AS BIGINT)",
        CastsFailSoftly = false,
    };

    /// <summary>Every dialect, in the order help lists them.</summary>
    public static IReadOnlyList<SqlDialect> All { get; } = [DuckDb, Spark, BigQuery, Snowflake, Postgres];

    /// <summary>The dialect with this name (case-insensitive), or null.</summary>
    public static SqlDialect? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var dialect in All)
        {
            if (string.Equals(dialect.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return dialect;
            }
        }

        return null;
    }
}
