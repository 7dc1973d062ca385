using System.Globalization;
using System.Text.Json;

namespace Planner.Core.Crosscheck;

/// <summary>Reads a reference file's JSON and its numbers exactly: every number is parsed from its text as a
/// decimal, never through a double, so 1.6e-05 per token is exactly $16 per 1M.</summary>
internal static class ReferenceJson
{
    /// <summary>The file's root element (detached from the document).</summary>
    /// <exception cref="PlannerException">The file is missing, unreadable or not JSON.</exception>
    public static JsonElement Load(string file)
    {
        string text;
        try
        {
            text = System.IO.File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw Fail(file, e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : "cannot be read: " + e.Message);
        }

        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 256 });
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw Fail(file, $"not valid JSON (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1})");
        }
    }

    /// <summary>An optional number >= 0 at <paramref name="name"/>: absent or null is null.</summary>
    /// <exception cref="PlannerException">Present but not a number, or negative.</exception>
    public static decimal? Number(JsonElement owner, string name, string file, string path)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number ||
            !decimal.TryParse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out decimal parsed))
        {
            throw Fail(file, $"{path}.{name}: must be a number, got {Show(value)}");
        }

        return parsed >= 0 ? parsed : throw Fail(file, $"{path}.{name}: must be >= 0, got {value.GetRawText()}");
    }

    /// <summary>An optional whole number > 0 at <paramref name="name"/>.</summary>
    public static long? Count(JsonElement owner, string name, string file, string path)
    {
        if (Number(owner, name, file, path) is not { } value)
        {
            return null;
        }

        return value == decimal.Truncate(value) && value is > 0 and <= long.MaxValue
            ? (long)value
            : throw Fail(file, $"{path}.{name}: must be a whole number > 0, got {value.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>"FILE: PATH: reason".</summary>
    public static PlannerException Fail(string file, string message) => new(PlannerErrorKind.InvalidReferenceFile, $"{file}: {message}");

    /// <summary>A JSON path step for a key: .name, or ['name'] when it is not a plain identifier.</summary>
    public static string Key(string path, string key) =>
        key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && key.Length > 0 && !char.IsAsciiDigit(key[0])
            ? $"{path}.{key}"
            : $"{path}['{key.Replace("'", "\\'", StringComparison.Ordinal)}']";

    private static string Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{value.GetString()}\"",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => value.GetRawText(),
    };
}
