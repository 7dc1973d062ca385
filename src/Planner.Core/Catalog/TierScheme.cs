namespace Planner.Core.Catalog;

/// <summary>A set of usage tiers in effect from a date (OpenAI replaced Free + Tier 1-5 by Free, Build,
/// Launch and Grow on 2026-10-06). Its tiers are ordered once, lowest first, by qualifying payment.</summary>
public sealed record TierScheme
{
    /// <summary>The scheme's id in the catalog, e.g. "tiers-1-5".</summary>
    public required string Id { get; init; }

    /// <summary>The first day the scheme applies, or null for the first scheme (in effect before every other).</summary>
    public DateOnly? EffectiveFrom { get; init; }

    /// <summary>The tiers, lowest first.</summary>
    public required IReadOnlyList<SchemeTier> Tiers { get; init; }

    /// <summary>Where the tiers, qualifications and monthly limits come from.</summary>
    public required Source Source { get; init; }

    /// <summary>The tier with this name in this scheme, or null.</summary>
    public SchemeTier? Find(TierName name)
    {
        foreach (var tier in Tiers)
        {
            if (tier.Name == name)
            {
                return tier;
            }
        }

        return null;
    }

    /// <summary>"Free, Build, Launch, Grow".</summary>
    public string Names => string.Join(", ", Tiers.Select(t => t.Name.DisplayName));
}
