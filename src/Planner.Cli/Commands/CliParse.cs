namespace Planner.Cli.Commands;

/// <summary>Parsing helpers for option values.</summary>
public static class CliParse
{
    /// <summary>A date (UTC midnight) or an ISO-8601 instant (UTC unless it carries an offset).</summary>
    public static bool TryInstant(string text, out DateTimeOffset instant) => Planner.Contract.Queries.QueryParse.TryInstant(text, out instant);

    /// <summary>A comma-separated list, trimmed, empty items dropped.</summary>
    public static IReadOnlyList<string> List(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
