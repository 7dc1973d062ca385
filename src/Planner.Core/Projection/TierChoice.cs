using Planner.Core.Catalog;

namespace Planner.Core.Projection;

/// <summary>The tier one rule recommends (<see cref="TierRule.Choose"/>), and which tier the peak and the spend
/// each need on their own.</summary>
/// <param name="Recommended">The lowest tier that carries the peak AND covers the spend, or null when none does.</param>
/// <param name="PeakTier">The lowest tier that carries the peak, or null.</param>
/// <param name="SpendTier">The lowest tier whose monthly usage limit covers the spend, or null.</param>
/// <param name="Headline">One line for people, e.g. "Tier 2 carries the peak; the projected $843.00/month needs Tier 3's
/// $1,000.00 monthly usage limit: Tier 3", or what does not fit when no tier does.</param>
public sealed record TierChoice(UsageTier? Recommended, UsageTier? PeakTier, UsageTier? SpendTier, string Headline);
