using System.Globalization;

namespace Planner.Contract.Queries;

/// <summary>Parsing of query fields given as text (dates), shared by the CLI and the web.</summary>
public static class QueryParse
{
    /// <summary>A date (UTC midnight) or an ISO-8601 instant (UTC unless it carries an offset).</summary>
    public static bool TryInstant(string text, out DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            instant = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant)
            && text.Contains('T', StringComparison.Ordinal);
    }
}
