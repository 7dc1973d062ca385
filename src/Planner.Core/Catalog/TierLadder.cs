using System.Collections;

namespace Planner.Core.Catalog;

/// <summary>One model's tiers under one scheme, ordered once (lowest first, by the scheme's order) however
/// the file lists them. Every caller that needs "the lowest tier where ..." asks the ladder.</summary>
public sealed class TierLadder : IReadOnlyList<UsageTier>
{
    private readonly UsageTier[] _tiers;

    /// <summary>Orders <paramref name="tiers"/> by their place in <paramref name="scheme"/>; a tier the scheme lacks is an argument error.</summary>
    public TierLadder(TierScheme scheme, IEnumerable<UsageTier> tiers)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(tiers);
        Scheme = scheme;
        _tiers = [.. tiers.OrderBy(t => Rank(scheme, t))];
    }

    /// <summary>The scheme these tiers belong to.</summary>
    public TierScheme Scheme { get; }

    public int Count => _tiers.Length;

    public UsageTier this[int index] => _tiers[index];

    /// <summary>The tier with this name, or null.</summary>
    public UsageTier? Find(TierName name)
    {
        foreach (var tier in _tiers)
        {
            if (tier.Tier == name)
            {
                return tier;
            }
        }

        return null;
    }

    /// <summary>The lowest supported tier that satisfies <paramref name="fits"/>, or null.</summary>
    public UsageTier? Lowest(Func<UsageTier, bool> fits)
    {
        ArgumentNullException.ThrowIfNull(fits);
        foreach (var tier in _tiers)
        {
            if (tier.Supported && fits(tier))
            {
                return tier;
            }
        }

        return null;
    }

    /// <summary>The lowest supported tier whose RPM and TPM carry the given per-minute peaks, or null.</summary>
    public UsageTier? LowestCarrying(long rpm, long tpm) =>
        Lowest(t => t.Rpm is { } r && t.Tpm is { } p && r.Value >= rpm && p.Value >= tpm);

    public IEnumerator<UsageTier> GetEnumerator() => ((IEnumerable<UsageTier>)_tiers).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _tiers.GetEnumerator();

    private static int Rank(TierScheme scheme, UsageTier tier)
    {
        for (int i = 0; i < scheme.Tiers.Count; i++)
        {
            if (scheme.Tiers[i].Name == tier.Tier)
            {
                return i;
            }
        }

        throw new ArgumentException($"tier '{tier.Name}' is not in scheme '{scheme.Id}'", nameof(tier));
    }
}
