using System.Text.Json.Nodes;
using Planner.Core.Catalog;
using Planner.Core.Catalog.Json;

namespace Planner.Core.Tests;

/// <summary>The repository's bundled catalog, as JSON to edit in a test (so each test's change is visible in it) and as a catalog.</summary>
internal static class TestCatalogs
{
    /// <summary>The repository's data folder, found above the test binaries.</summary>
    public static string DataDirectory { get; } = FindData();

    public static string BundledPath => Path.Combine(DataDirectory, CatalogJson.FileName);

    /// <summary>A fresh, editable copy of data/catalog.json.</summary>
    public static JsonObject Json() => JsonNode.Parse(File.ReadAllText(BundledPath))!.AsObject();

    /// <summary>The bundled catalog, validated.</summary>
    public static ModelCatalog Bundled() => Load(Json());

    /// <summary>Validates edited JSON; fails the test with every error when it is not valid.</summary>
    public static ModelCatalog Load(JsonNode json) => CatalogJson.Parse(json.ToJsonString()).GetOrThrow("test catalog");

    /// <summary>The model object with this id.</summary>
    public static JsonObject Model(JsonObject root, string id) =>
        root["models"]!.AsArray().Single(m => (string?)m!["id"] == id)!.AsObject();

    /// <summary>The model's price set at index <paramref name="index"/>.</summary>
    public static JsonObject Prices(JsonObject root, string id, int index = 0) => Model(root, id)["prices"]![index]!.AsObject();

    private static string FindData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "data");
            if (File.Exists(Path.Combine(candidate, CatalogJson.FileName)) && Directory.Exists(Path.Combine(dir.FullName, "src")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("data/catalog.json not found above " + AppContext.BaseDirectory);
    }
}
