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
    };

    /// <summary>The flag of a field (the field itself when the table has no row, which a test forbids).</summary>
    public static string Flag(string field) => Table.TryGetValue(field, out var flag) ? flag : field;

    /// <summary>The message with its field names replaced by flags. A snake_case name with an underscore is never an
    /// ordinary word and is replaced anywhere; a one-word name (<c>models</c>, <c>at</c>) only where a field is named:
    /// at the start ("requests must be ..."), after "e.g." ("e.g. tier 1"), and in a run joined by "or"
    /// ("turns or minutes is required, e.g. turns 8 or minutes 4"), so "at least two models" stays English.</summary>
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
            bool ends = word.Length > 0 && word[^1] is ',' or ';' or ':' or ')';
            if (core.Length > 0 && Table.TryGetValue(core, out var flag) && (naming || core.Contains('_', StringComparison.Ordinal)))
            {
                words[i] = word.Replace(core, flag, StringComparison.Ordinal);
                afterField = true;
                naming = !ends;
            }
            else if (word == "or" && (naming || afterField))
            {
                naming = true;
                afterField = false;
            }
            else if (word == "e.g.")
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

    // "8", "2025-11-01", "gpt-audio,gpt-audio-mini": the example value after a field name.
    private static bool IsValue(string word) =>
        word.Length > 0 && (char.IsAsciiDigit(word[0]) || word.AsSpan().IndexOfAny("-,.:/") >= 0);

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
}
