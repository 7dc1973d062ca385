using Planner.Core.Catalog;
using Planner.Core.Units;

namespace Planner.Core.Projection;

/// <summary>The usage tier one model's share of a month's traffic needs.</summary>
/// <param name="ModelId">The model.</param>
/// <param name="PeakRpm">Projected peak requests in a minute (the 99th percentile of Poisson arrivals in the busiest hour).</param>
/// <param name="PeakTpm">Projected peak tokens counted against TPM in that minute.</param>
/// <param name="Spend">The spend that must fit under the tier's monthly usage limit (exact, or the 99th percentile).</param>
/// <param name="Tier">The lowest tier whose RPM, TPM and monthly usage limit all suffice, or null when none does.</param>
public sealed record TierNeed(string ModelId, long PeakRpm, long PeakTpm, Usd Spend, UsageTier? Tier);
