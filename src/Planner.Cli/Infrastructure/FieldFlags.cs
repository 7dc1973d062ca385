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
