using System.Text.Json.Nodes;

namespace Planner.Cli.Tests;

/// <summary>A temporary folder holding an edited copy of the bundled catalog (and, on request, its
/// golden folder), deleted on dispose. The edit is written in the test, so the change is visible there.</summary>
internal sealed class TempCatalog : IDisposable
{
    public TempCatalog(Action<JsonObject>? edit = null, bool withGolden = false, string? folder = null)
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "planner-test-" + Guid.NewGuid().ToString("N"));
        Directory = folder is null ? Root : System.IO.Path.Combine(Root, folder);
        System.IO.Directory.CreateDirectory(Directory);
        var json = Bundled();
        edit?.Invoke(json);
        File.WriteAllText(Path, json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        if (withGolden)
        {
            System.IO.Directory.CreateDirectory(System.IO.Path.Combine(Directory, "golden"));
            File.Copy(System.IO.Path.Combine(CliRunner.DataDirectory, "golden", "catalog.golden.md"), GoldenPath);
        }
    }

    public string Directory { get; }

    /// <summary>The temporary folder (the catalog's folder, or its parent when a sub-folder was asked for).</summary>
    public string Root { get; }

    /// <summary>The catalog file, named catalog.json.</summary>
    public string Path => System.IO.Path.Combine(Directory, "catalog.json");

    /// <summary>Where verify looks for its golden snapshot by default.</summary>
    public string GoldenPath => System.IO.Path.Combine(Directory, "golden", "catalog.golden.md");

    /// <summary>A fresh, editable copy of the bundled catalog.</summary>
    public static JsonObject Bundled() => JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(CliRunner.DataDirectory, "catalog.json")))!.AsObject();

    public static JsonObject Model(JsonObject root, string id) => root["models"]!.AsArray().Single(m => (string?)m!["id"] == id)!.AsObject();

    public static JsonObject Prices(JsonObject root, string id) => Model(root, id)["prices"]![0]!.AsObject();

    public void Dispose() => System.IO.Directory.Delete(Root, recursive: true);
}
