using Planner.Core.Catalog;
using Planner.Core.Units;

namespace Planner.Core.Migration;

/// <summary>One model to move to: month by month against staying, and the tier it needs.</summary>
/// <param name="Model">The candidate.</param>
/// <param name="Why">Why it is a candidate ("recommended replacement", "cheapest active Realtime model", "given").</param>
/// <param name="Months">Each month before and after.</param>
/// <param name="Tier">The highest tier any month needs (peak RPM, TPM and spend), or null when some month needs more than any self-serve tier.</param>
/// <param name="TierMonth">The month that needs <paramref name="Tier"/> (or, when it is null, the first month no tier covers).</param>
public sealed record MigrationCandidate(ResolvedModel Model, string Why, IReadOnlyList<MigrationMonth> Months, UsageTier? Tier, int TierMonth)
{
    /// <summary>The horizon before.</summary>
    public Usd TotalBefore => Months.Aggregate(Usd.Zero, (sum, m) => sum + m.Before);

    /// <summary>The horizon after.</summary>
    public Usd TotalAfter => Months.Aggregate(Usd.Zero, (sum, m) => sum + m.After);
}
