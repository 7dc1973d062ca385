using System.Text.Json.Serialization;

namespace Planner.Contract.Results;

/// <summary>One catalog of a diff: its path as given and its version.</summary>
public sealed record DiffCatalogRef(string Path, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Version);
