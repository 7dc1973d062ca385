using Planner.Core.Catalog;

namespace Planner.Core.Calls;

/// <summary>The one place call capacity, projections and migration walk a model's usage tiers, lowest first.</summary>
public static class TierWalk
{
    /// <summary>The model's tiers in order, lowest (Free) first.</summary>
    public static IReadOnlyList<UsageTier> Of(ModelSpec model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Tiers;
    }

    /// <summary>The highest tier of the ladder, or null when the model has none.</summary>
    public static UsageTier? Highest(ModelSpec model)
    {
        var ladder = Of(model);
        return ladder.Count == 0 ? null : ladder[^1];
    }
}
