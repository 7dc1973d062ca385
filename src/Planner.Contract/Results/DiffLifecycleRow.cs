using System.Text.Json.Serialization;

namespace Planner.Contract.Results;

/// <summary>A deprecation or shutdown date that changed ("yyyy-MM-dd", null where a side has none).</summary>
public sealed record DiffLifecycleRow(
    string Subject,
    string Figure,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Old,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? New);
