using System.Globalization;

namespace Planner.Core.Catalog;

/// <summary>A usage tier's name, as typed ("2", "tier-2", "Tier 2", "build", "Build") and as shown
/// ("Tier 2", "Build", "Free"). Two spellings of one tier are equal.</summary>
public readonly record struct TierName
{
    private TierName(string key) => Key = key;

    /// <summary>The canonical key: "free", "1" ... "5", "build", "launch", "grow".</summary>
    public string Key { get; }

    /// <summary>True for a numbered tier of the scheme in effect until 2026-10-05 ("1" ... "5").</summary>
    public bool IsNumbered => Key.Length > 0 && char.IsAsciiDigit(Key[0]);

    /// <summary>"Tier 2", "Build", "Free".</summary>
    public string DisplayName => IsNumbered ? "Tier " + Key : Key.Length == 0 ? "" : char.ToUpperInvariant(Key[0]) + Key[1..];

    /// <summary>Parses a tier name in any of its spellings, or returns false with the reason.</summary>
    public static bool TryParse(string? text, out TierName name, out string error)
    {
        name = default;
        string key = (text ?? "").Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        if (key.StartsWith("tier", StringComparison.Ordinal) && key.Length > 4)
        {
            key = key[4..];
        }

        bool numbered = key.Length > 0 && key.All(char.IsAsciiDigit);
        if (numbered ? key[0] == '0' || !int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out _) : key.Length == 0 || !key.All(char.IsAsciiLetterLower))
        {
            error = $"'{text}' is not a tier name (e.g. free, 1, tier-2, build)";
            return false;
        }

        name = new TierName(key);
        error = "";
        return true;
    }

    /// <summary>Parses a tier name, or throws a <see cref="PlannerException"/> saying why.</summary>
    public static TierName Parse(string text) =>
        TryParse(text, out var name, out var error) ? name : throw new PlannerException(PlannerErrorKind.UnknownTier, error);

    public override string ToString() => DisplayName;
}
