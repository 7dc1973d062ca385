using System.Globalization;

namespace Planner.Core.Sql;

/// <summary>What differs between SQL engines for the pricing query: type names, literal and cast syntax,
/// time conversions and how a constant table is written. One row of <see cref="SqlDialects"/> per engine;
/// the query itself is written once (<see cref="PricingQuery"/>).</summary>
/// <remarks>Formats take the expression as <c>{0}</c>.</remarks>
public sealed record SqlDialect
{
    /// <summary>The dialect's name as users type it ("duckdb", "spark", ...).</summary>
    public required string Name { get; init; }

    /// <summary>A text type, for the model names of the price table.</summary>
    public required string TextType { get; init; }

    /// <summary>A 64-bit integer type.</summary>
    public required string IntegerType { get; init; }

    /// <summary>A calendar date type.</summary>
    public required string DateType { get; init; }

    /// <summary>An exact type that holds any token count (19 digits, no fraction).</summary>
    public required string TokenDecimalType { get; init; }

    /// <summary>An exact type for a price per token in USD: whole picodollars (12 decimal places).</summary>
    public required string PriceDecimalType { get; init; }

    /// <summary>An exact type for sums of money to the picodollar: DECIMAL(38,12), or wider.</summary>
    public required string MoneyDecimalType { get; init; }

    /// <summary>A date literal; <c>{0}</c> is yyyy-MM-dd.</summary>
    public required string DateLiteralFormat { get; init; }

    /// <summary>Converts a column or expression to an instant (a value that does not convert is NULL where the engine can say so).</summary>
    public required string TimestampFormat { get; init; }

    /// <summary>Converts whole seconds since 1970-01-01 UTC to an instant.</summary>
    public required string UnixSecondsFormat { get; init; }

    /// <summary>The UTC calendar date of an instant.</summary>
    public required string UtcDateFormat { get; init; }

    /// <summary>The UTC hour (0-23) of an instant.</summary>
    public required string UtcHourFormat { get; init; }

    /// <summary>Converts a value to a 64-bit integer (NULL when it does not convert, where the engine can say so).</summary>
    public required string IntegerCastFormat { get; init; }

    /// <summary>True when the engine writes a constant table as <c>UNNEST(ARRAY&lt;STRUCT&lt;...&gt;&gt;[...])</c> (BigQuery) rather than <c>VALUES</c>.</summary>
    public bool ValuesAsStructArray { get; init; }

    /// <summary>True when a value that does not convert becomes NULL (TRY_CAST, SAFE_CAST), so such rows are rejected
    /// as unparsable; false when the engine stops the query on it instead.</summary>
    public required bool CastsFailSoftly { get; init; }

    /// <summary>A line of advice printed at the top of the query (e.g. the session time zone), or null.</summary>
    public string? Note { get; init; }

    /// <summary>True when the dialect has been run against a real engine in this repository's tests.</summary>
    public bool RunInTests { get; init; }

    public string DateLiteral(DateOnly date) =>
        string.Format(CultureInfo.InvariantCulture, DateLiteralFormat, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public string Timestamp(string expression) => Apply(TimestampFormat, expression);
    public string UnixSeconds(string expression) => Apply(UnixSecondsFormat, expression);
    public string UtcDate(string expression) => Apply(UtcDateFormat, expression);
    public string UtcHour(string expression) => Apply(UtcHourFormat, expression);
    public string Integer(string expression) => Apply(IntegerCastFormat, expression);
    public string Cast(string expression, string type) => $"CAST({expression} AS {type})";

    /// <summary>A string literal with its quotes doubled.</summary>
    public static string StringLiteral(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    private static string Apply(string format, string expression) => string.Format(CultureInfo.InvariantCulture, format, expression);
}
