using System.Text.RegularExpressions;
using Planner.Contract;
using Planner.Core;

namespace Planner.Cli.Infrastructure;

/// <summary>The one table from a query's field names (snake_case, as the web and JSON use them) to the CLI's
/// flags, and the rewriting of a <see cref="FieldError"/>'s message into what a CLI user reads:
/// "requests must be 1 to 10^12" becomes "--requests must be 1 to 10^12". A test checks every query field has a row.</summary>
internal static partial class FieldFlags
{
    /// <summary>Field name to flag. Add a row when a query gains a field.</summary>
    public static IReadOnlyDictionary<string, string> Table { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // The model and request count.
        ["model"] = "--model",
        ["requests"] = "--requests",
        // The request shape (RequestShapeQuery).
        ["text_in"] = "--text-in",
        ["cached_in"] = "--cached-in",
        ["audio_in"] = "--audio-in",
        ["audio_in_seconds"] = "--audio-in-seconds",
        ["cached_audio_in"] = "--cached-audio-in",
        ["image_in"] = "--image-in",
        ["cached_image_in"] = "--cached-image-in",
        ["text_out"] = "--text-out",
        ["audio_out"] = "--audio-out",
        ["audio_out_seconds"] = "--audio-out-seconds",
        ["audio_in_rate"] = "--audio-in-rate",
        ["audio_out_rate"] = "--audio-out-rate",
        ["at"] = "--at",

        // contract-b: reading a trace (TraceQuery: price, simulate, recommend).
        ["skip_invalid"] = "--skip-invalid",
        ["model_override"] = "--model-override",
        ["format"] = "--format",
        ["usage_input_tokens"] = "--usage-input-tokens",
        ["spread"] = "--spread",
        ["spread_seed"] = "--spread-seed",
        // contract-b: price.
        ["by"] = "--by",
        ["engine"] = "--engine",
        // contract-b: simulate and recommend (SimulationQuery).
        ["tier"] = "--tier",
        ["on_limit"] = "--on-limit",
        ["burst_window"] = "--burst-window",
        ["seed"] = "--seed",
        ["retry_initial"] = "--retry-initial",
        ["retry_factor"] = "--retry-factor",
        ["retry_max"] = "--retry-max",
        ["retry_attempts"] = "--retry-attempts",
        ["retry_jitter"] = "--retry-jitter",
        ["ttft"] = "--ttft",
        ["output_tps"] = "--output-tps",
        ["max_p99_delay"] = "--max-p99-delay",
        ["max_throttle_rate"] = "--max-throttle-rate",
        // contract-b: fields Core names in its messages (PlannerException.Field; trace generation's problems).
        ["months"] = "--months",
        ["runs"] = "--runs",
        ["growth"] = "--growth",
        ["scale"] = "--scale",
        ["budget"] = "--budget",
        ["requests_per_day"] = "--requests-per-day",
        ["requests_per_day_sd"] = "--requests-per-day-sd",
        ["max_tokens"] = "--max-tokens",
        ["turns"] = "--turns",
        ["fail_above"] = "--fail-above",
        ["fail_below"] = "--fail-below",
        ["rows"] = "--rows",
        ["days"] = "--days",
        // contract-b: project (ProjectQuery; months, runs, growth, scale, budget, requests_per_day(_sd), seed, by and skip_invalid above).
        ["compare_models"] = "--compare-models",
        ["fit"] = "--fit",
        ["migrate_to"] = "--migrate-to",
        ["no_migrate"] = "--no-migrate",
        ["start"] = "--start",
        // contract-b: end.
    };

    /// <summary>The flag of a field (the field itself when the table has no row, which a test forbids).</summary>
    public static string Flag(string field) => Table.TryGetValue(field, out var flag) ? flag : field;

    /// <summary>The message with the error's own field, and every other snake_case field name in it (one with an
    /// underscore, so never an ordinary word), replaced by its flag.</summary>
    public static string Message(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return FieldNameRegex().Replace(error.Message, match =>
        {
            string word = match.Value;
            bool rewrite = word == error.Field || word.Contains('_', StringComparison.Ordinal);
            return rewrite && Table.TryGetValue(word, out var flag) ? flag : word;
        });
    }

    /// <summary>Throws a <see cref="PlannerException"/> (exit 2) listing every error, one a line, as CLI messages;
    /// nothing when there are none.</summary>
    public static void ThrowIfAny(IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count > 0)
        {
            // One "planner: " line per error, as every other message reads (the shell prefixes the first).
            throw new PlannerException(string.Join(Environment.NewLine + "planner: ", errors.Select(Message)));
        }
    }

    // A word of letters, digits and underscores not inside a longer flag or word ("--audio-in" stays as it is).
    [GeneratedRegex(@"(?<![\w-])[a-z][a-z0-9_]*(?![\w-])")]
    private static partial Regex FieldNameRegex();
}
