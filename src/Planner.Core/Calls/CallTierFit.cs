using Planner.Core.Capacity;
using Planner.Core.Catalog;

namespace Planner.Core.Calls;

/// <summary>Whether one usage tier carries a call load, and the most concurrent calls it carries.</summary>
/// <param name="Tier">The tier.</param>
/// <param name="FitsRpm">The load's Responses a minute are within the tier's RPM.</param>
/// <param name="FitsTpm">The load's TPM charge a minute is within the tier's TPM.</param>
/// <param name="MaxConcurrentCalls">The most calls in progress at once the tier carries (whole calls, rounded down); 0 where the
/// model is not supported or one Response's charge alone passes TPM.</param>
/// <param name="LimitedBy">Which limit bounds <paramref name="MaxConcurrentCalls"/>.</param>
public sealed record CallTierFit(UsageTier Tier, bool FitsRpm, bool FitsTpm, long MaxConcurrentCalls, LimitedBy LimitedBy)
{
    /// <summary>True when the tier carries the load on both limits.</summary>
    public bool Fits => FitsRpm && FitsTpm;
}
