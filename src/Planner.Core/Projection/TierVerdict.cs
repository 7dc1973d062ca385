using Planner.Core.Catalog;

namespace Planner.Core.Projection;

/// <summary>One tier judged against a workload: whether its rate limits carry the peak, and whether its monthly
/// usage limit covers the month's spend.</summary>
/// <param name="Tier">The tier.</param>
/// <param name="CarriesPeak">True when the tier's limits carry the traffic (RPM and TPM, or the simulation's objectives).</param>
/// <param name="CoversSpend">True when the month's spend is within the tier's monthly usage limit.</param>
/// <param name="PeakReason">Why it does not carry the peak (null when it does, or when not known).</param>
public sealed record TierVerdict(UsageTier Tier, bool CarriesPeak, bool CoversSpend, string? PeakReason = null);
