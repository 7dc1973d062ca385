using Planner.Contract;
using Planner.Core;

namespace Planner.Cli.Infrastructure;

/// <summary>The one table from a query's field names (snake_case, as the web and JSON use them) to the CLI's
/// flags, and the rewriting of a <see cref="FieldError"/>'s message into what a CLI user reads:
/// "requests must be 1 to 10^12" becomes "--requests must be 1 to 10^12". A test checks every query field has a row.</summary>
internal static class FieldFlags
{
    /// <summary>Field name to flag. Add a row when a query gains a field.</summary>
    public static IReadOnlyDictionary<string, string> Table { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // The model and request count.
        ["model"] = "--model",
        ["requests"] = "--requests",
        ["models"] = "--models",
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
        // capacity.
        ["tier"] = "--tier",
        ["max_tokens"] = "--max-tokens",
        ["concurrent_calls"] = "--concurrent-calls",
        ["calls_per_minute"] = "--calls-per-minute",
        // The call shape (RequestOrCallQuery).
        ["turns"] = "--turns",
        ["minutes"] = "--minutes",
        ["talk_share"] = "--talk-share",
        ["user_audio_seconds"] = "--user-audio-seconds",
        ["assistant_audio_seconds"] = "--assistant-audio-seconds",
        ["system_text_tokens"] = "--system-text-tokens",
        ["tool_text_tokens"] = "--tool-text-tokens",
        ["user_text_tokens"] = "--user-text-tokens",
        ["assistant_text_tokens"] = "--assistant-text-tokens",
        ["cache_hit"] = "--cache-hit",
        ["retention_ratio"] = "--retention-ratio",
        ["truncation"] = "--truncation",
        ["max_output_tokens"] = "--max-output-tokens",

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
        // contract-b: simulate and recommend (SimulationQuery); tier is above.
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
        // rest: the call volume (CallVolumeQuery: project, migrate), the trace form, migrate and diff.
        ["calls_per_day"] = "--calls-per-day",
        ["calls_per_day_sd"] = "--calls-per-day-sd",
        ["minutes_mean"] = "--minutes-mean",
        ["minutes_sd"] = "--minutes-sd",
        ["trace"] = "--trace",
        ["from_model"] = "--from",
        ["to_models"] = "--to",
        ["update_golden"] = "--update-golden",
        // rest: end.
        // contract-c: reconcile (skip_invalid and usage_input_tokens above).
        ["tolerance"] = "--tolerance",
        ["usage_format"] = "--usage-format",
        // contract-c: end.
    };

    /// <summary>The flag of a field (the field itself when the table has no row, which a test forbids).</summary>
    public static string Flag(string field) => Table.TryGetValue(field, out var flag) ? flag : field;

    /// <summary>Prose (an assumption's value or reason, a warning) with only its snake_case field names replaced by flags: a
    /// name with an underscore is never an ordinary word, while a one-word name (<c>at</c>, <c>tier</c>) is, so
    /// "at most 0.79% above" stays English and "set usage_input_tokens to text" names <c>--usage-input-tokens</c>. A
    /// one-word field is named in backticks in Core's and the contract's prose ("set with `ttft`"): it becomes its flag too.</summary>
    public static string InProse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] words = text.Split(' ');
        for (int i = 0; i < words.Length; i++)
        {
            string core = words[i].Trim('(', ')', ',', ';', ':', '.', '\'', '"');
            if (core.Length > 2 && core[0] == '`' && core[^1] == '`' && Table.TryGetValue(core[1..^1], out var named))
            {
                words[i] = words[i].Replace(core, named, StringComparison.Ordinal);
            }
            else if (core.Contains('_', StringComparison.Ordinal) && Table.TryGetValue(core, out var flag))
            {
                words[i] = words[i].Replace(core, flag, StringComparison.Ordinal);
            }
        }

        return string.Join(' ', words);
    }

    /// <summary>The message with its field names replaced by flags. A snake_case name with an underscore is never an
    /// ordinary word and is replaced anywhere; a one-word name (<c>models</c>, <c>at</c>) only where a field is named:
    /// at the start ("requests must be ..."), after "e.g.", "with", "without", "(" or a leading "give" ("e.g. tier 1",
    /// "give turns or minutes", "apply only with trace"),
    /// in a list or a run joined by "or"/"and" ("turns or minutes is required, e.g. turns 8 or minutes 4"), so
    /// "at least two models" stays English.</summary>
    public static string Message(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        string[] words = error.Message.Split(' ');
        bool naming = true;
        bool afterField = false;
        for (int i = 0; i < words.Length; i++)
        {
            string word = words[i];
            string core = word.Trim('(', ')', ',', ';', ':', '.', '\'', '"');
            bool ends = word.Length > 0 && word[^1] is ';' or ':' or ')';
            naming |= word.StartsWith('(');
            if (word.StartsWith('\'') || word.StartsWith('"'))
            {
                // A quoted value ('retention_ratio') is what the user or the rule says, never a field name.
                naming = false;
                afterField = false;
            }
            else if (core.Length > 0 && Table.TryGetValue(core, out var flag) && (naming || core.Contains('_', StringComparison.Ordinal)))
            {
                words[i] = word.Replace(core, flag, StringComparison.Ordinal);
                afterField = true;
                naming = !ends;
            }
            else if (core is "or" or "and" && (naming || afterField))
            {
                naming = true;
                afterField = false;
            }
            else if (word is "e.g." or "with" or "without" || (i == 0 && word == "give"))
            {
                naming = true;
                afterField = false;
            }
            else if (afterField && naming && IsValue(core))
            {
                afterField = false;
                naming = !ends;
            }
            else
            {
                naming = false;
                afterField = false;
            }
        }

        return string.Join(' ', words);
    }

    /// <summary>Throws a <see cref="PlannerException"/> (exit 2) with every error in one line, joined by "; " as the call
    /// options always reported theirs, as CLI messages; nothing when there are none.</summary>
    public static void ThrowIfAny(IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count > 0)
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument, string.Join("; ", errors.Select(Message)));
        }
    }

    /// <summary>The errors as one CLI line, or null when there are none (for a Spectre settings check).</summary>
    public static string? Line(IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 0 ? null : string.Join("; ", errors.Select(Message));
    }

    // "8", "2025-11-01", "gpt-audio,gpt-audio-mini": the example value after a field name.
    private static bool IsValue(string word) =>
        word.Length > 0 && (char.IsAsciiDigit(word[0]) || word.AsSpan().IndexOfAny("-,.:/") >= 0);
}
