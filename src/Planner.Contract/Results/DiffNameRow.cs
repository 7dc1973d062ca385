using System.Text.Json.Serialization;

namespace Planner.Contract.Results;

/// <summary>A model, snapshot or alias added, removed or retargeted.</summary>
public sealed record DiffNameRow
{
    /// <summary>"model", "snapshot" or "alias".</summary>
    public required string Kind { get; init; }

    public required string Name { get; init; }

    /// <summary>"added", "removed" or "retargeted".</summary>
    public required string Change { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? OldModel { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? NewModel { get; init; }

    /// <summary>What happened, in words: "added (alias of gpt-audio-mini)".</summary>
    [JsonIgnore]
    public string Description { get; init; } = "";
}
