using System.Text.Json;

namespace Planner.Cli.Tests.Contract;

/// <summary>The property paths of a JSON document ("tokens.audio_input", "warnings[].key"), to pin a record's field names.</summary>
internal static class JsonPaths
{
    public static IReadOnlyList<string> Of(string json)
    {
        using var document = JsonDocument.Parse(json);
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        Collect(document.RootElement, "", paths);
        return [.. paths];
    }

    private static void Collect(JsonElement element, string prefix, SortedSet<string> paths)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string path = prefix.Length == 0 ? property.Name : prefix + "." + property.Name;
                    paths.Add(path);
                    Collect(property.Value, path, paths);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, prefix + "[]", paths);
                }

                break;
        }
    }

    /// <summary>"prefix.text_input", ... for every meter, in the meter table's order.</summary>
    public static IEnumerable<string> Meters(string prefix) =>
        Planner.Core.Catalog.MeterTable.All.Select(m => prefix + "." + m.JsonKey);
}
