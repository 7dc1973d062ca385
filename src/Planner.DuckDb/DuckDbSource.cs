using Planner.Core;
using Planner.Core.Sql;

namespace Planner.DuckDb;

/// <summary>The DuckDB table function that reads a set of files, and its file format.</summary>
internal static class DuckDbSource
{
    /// <summary>The FROM item reading every path (files or globs), all of one format. Paths are passed as escaped
    /// string literals (quotes doubled), never spliced: a file name cannot change the query.</summary>
    public static string FromItem(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
        {
            throw new PlannerException(PlannerErrorKind.InvalidTrace, "files: at least one file or glob is required");
        }

        var formats = paths.Select(Format).Distinct().ToList();
        if (formats.Count > 1)
        {
            throw new PlannerException(PlannerErrorKind.InvalidTrace,
                $"files: all files must have one format, got {string.Join(" and ", formats)} ({string.Join(", ", paths)})");
        }

        string list = "[" + string.Join(", ", paths.Select(SqlDialect.StringLiteral)) + "]";
        return formats[0] switch
        {
            // Every field as text: the query parses counts and instants itself, so a bad value is a rejected row, not a guessed type.
            // One file: a row with too few or too many fields (or bad quoting) is set aside, not fatal: DuckDB keeps it
            // in its reject_errors table, which DuckDbPricer counts by reason, so every row is still accounted for.
            // DuckDB keeps no rejects when it matches several files' columns by name, so there such a row stops the run.
            "csv" when StoresRejects(paths) => $"read_csv({list}, header = true, all_varchar = true, store_rejects = true)",
            "csv" => $"read_csv({list}, header = true, all_varchar = true, union_by_name = true)",
            "parquet" => $"read_parquet({list}, union_by_name = true)",
            _ => $"read_json({list}, union_by_name = true)",
        };
    }

    /// <summary>Whether the FROM item over these files sets malformed rows aside in reject_errors: one CSV file, no glob.</summary>
    internal static bool StoresRejects(IReadOnlyList<string> paths) =>
        paths.Count == 1 && Format(paths[0]) == "csv" && paths[0].IndexOfAny(['*', '?', '[', '{']) < 0;

    private static string Format(string path)
    {
        string lower = path.ToLowerInvariant();
        if (lower.EndsWith(".parquet", StringComparison.Ordinal))
        {
            return "parquet";
        }

        if (lower.EndsWith(".json", StringComparison.Ordinal) || lower.EndsWith(".jsonl", StringComparison.Ordinal) || lower.EndsWith(".ndjson", StringComparison.Ordinal))
        {
            return "json";
        }

        if (lower.EndsWith(".csv", StringComparison.Ordinal))
        {
            return "csv";
        }

        throw new PlannerException(PlannerErrorKind.InvalidTrace, $"{path}: unknown file format; use .csv, .parquet, .json, .jsonl or .ndjson");
    }
}
