using Planner.Core.Units;

namespace Planner.Core.Ingest;

/// <summary>One day's totals: the sum of its rows on each side (unparsed line items included in the billed side).</summary>
public sealed record ReconcileDay(DateOnly Day, Usd Planner, decimal Billed, bool Exceeded)
{
    /// <summary>Billed minus Planner.</summary>
    public decimal Difference => Billed - Planner.Value;
}
