namespace Planner.Core.Regression;

/// <summary>A model, snapshot or alias added, removed or pointed elsewhere.</summary>
/// <param name="Kind">What the name is.</param>
/// <param name="Name">The model id, snapshot id or alias.</param>
/// <param name="Old">In the base catalog: the model it belongs to (itself for a model), or null when absent.</param>
/// <param name="New">In the head catalog: the model it belongs to (itself for a model), or null when absent.</param>
public sealed record NameChange(NameKind Kind, string Name, string? Old, string? New)
{
    /// <summary>True when the head catalog adds the name.</summary>
    public bool IsAdded => Old is null;

    /// <summary>True when the head catalog removes the name.</summary>
    public bool IsRemoved => New is null;
}
