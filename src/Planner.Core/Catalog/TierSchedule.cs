using System.Globalization;

namespace Planner.Core.Catalog;

/// <summary>The tier schemes in date order; the one in effect on a day answers which tier names exist.</summary>
public sealed class TierSchedule
{
    /// <summary>Creates a schedule; <paramref name="schemes"/> must be in ascending date order, the first undated (the loader checks it).</summary>
    public TierSchedule(IReadOnlyList<TierScheme> schemes)
    {
        ArgumentNullException.ThrowIfNull(schemes);
        Schemes = schemes;
    }

    /// <summary>The schemes, oldest first.</summary>
    public IReadOnlyList<TierScheme> Schemes { get; }

    /// <summary>The scheme in effect on <paramref name="day"/>.</summary>
    /// <exception cref="PlannerException">The catalog has no tier schemes.</exception>
    public TierScheme At(DateOnly day)
    {
        if (Schemes.Count == 0)
        {
            throw new PlannerException(PlannerErrorKind.UnknownTier, "the catalog records no usage tiers");
        }

        var found = Schemes[0];
        foreach (var scheme in Schemes)
        {
            if (scheme.EffectiveFrom is not { } from || from <= day)
            {
                found = scheme;
            }
        }

        return found;
    }

    /// <summary>The latest scheme.</summary>
    public TierScheme? Current => Schemes.Count > 0 ? Schemes[^1] : null;

    /// <summary>Resolves a typed tier name against the scheme in effect on <paramref name="day"/>.</summary>
    /// <exception cref="PlannerException">Not a tier name, or no tier of that scheme (the message lists the valid names).</exception>
    public TierName Resolve(string text, DateOnly day)
    {
        var name = TierName.Parse(text);
        var scheme = At(day);
        if (scheme.Find(name) is null)
        {
            string other = Schemes.FirstOrDefault(s => s.Find(name) is not null) is { } owner
                ? $"; {name.DisplayName} belongs to the scheme {Period(owner)}"
                : "";
            throw new PlannerException(PlannerErrorKind.UnknownTier,
                $"tier '{text}' does not exist on {day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}{other}; tiers then: {scheme.Names}");
        }

        return name;
    }

    /// <summary>"in effect until 2026-10-05" or "in effect from 2026-10-06".</summary>
    public string Period(TierScheme scheme)
    {
        int i = -1;
        for (int k = 0; k < Schemes.Count; k++)
        {
            if (ReferenceEquals(Schemes[k], scheme))
            {
                i = k;
            }
        }

        string from = scheme.EffectiveFrom is { } f ? "from " + f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
        string until = i >= 0 && i + 1 < Schemes.Count && Schemes[i + 1].EffectiveFrom is { } next
            ? "until " + next.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : "";
        return "in effect " + string.Join(" ", new[] { from, until }.Where(s => s.Length > 0));
    }
}
