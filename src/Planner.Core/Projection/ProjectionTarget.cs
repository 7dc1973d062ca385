using Planner.Core.Catalog;

namespace Planner.Core.Projection;

/// <summary>What the workload is priced on: each stream on its own model, or all of it moved to one model.</summary>
/// <param name="Name">"as given", or the model's id.</param>
/// <param name="Model">The model every stream is priced on, or null for each stream's own.</param>
public sealed record ProjectionTarget(string Name, ResolvedModel? Model)
{
    /// <summary>Each stream on its own model.</summary>
    public static ProjectionTarget AsGiven { get; } = new("as given", null);

    /// <summary>All traffic moved to <paramref name="model"/>.</summary>
    public static ProjectionTarget On(ResolvedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new(model.Model.Id, model);
    }
}
