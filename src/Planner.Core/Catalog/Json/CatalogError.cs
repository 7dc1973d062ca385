namespace Planner.Core.Catalog.Json;

/// <summary>One problem in a catalog file, at a JSON path such as <c>models[1].prices[0].audio_input</c>.</summary>
public sealed record CatalogError(string Path, string Message)
{
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
