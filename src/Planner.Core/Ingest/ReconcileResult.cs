using Planner.Core.Units;

namespace Planner.Core.Ingest;

/// <summary>A reconciliation of priced usage with the bill.</summary>
public sealed record ReconcileResult
{
    /// <summary>Every day, model and meter with usage or a bill, by day, model, meter.</summary>
    public required IReadOnlyList<ReconcileRow> Rows { get; init; }

    /// <summary>Every day with usage or a bill.</summary>
    public required IReadOnlyList<ReconcileDay> Days { get; init; }

    /// <summary>Billed results whose line item could not be parsed into a model and meter (counted in their day's billed total).</summary>
    public required IReadOnlyList<BilledCost> Unparsed { get; init; }

    /// <summary>The tolerance the rows and days were judged with.</summary>
    public required Tolerance Tolerance { get; init; }

    /// <summary>Planner's total (the sum of the rows).</summary>
    public Usd Planner => Rows.Aggregate(Usd.Zero, (sum, r) => sum + r.Planner);

    /// <summary>The billed total (rows and unparsed line items).</summary>
    public decimal Billed => Rows.Sum(r => r.Billed) + Unparsed.Sum(u => u.Amount);

    /// <summary>True when no row and no day is beyond the tolerance.</summary>
    public bool Matches => !Rows.Any(r => r.Exceeded) && !Days.Any(d => d.Exceeded);
}
