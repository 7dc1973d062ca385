using Planner.Core.Catalog;
using Planner.Core.Units;

namespace Planner.Core.Ingest;

/// <summary>One day's model and meter: what Planner prices the usage at beside what OpenAI billed.</summary>
/// <param name="Day">The UTC day.</param>
/// <param name="Model">The billing id (snapshot id, else model id).</param>
/// <param name="Meter">The meter.</param>
/// <param name="LineItem">The billed line item, or null when nothing was billed on this model and meter that day.</param>
/// <param name="Planner">Planner's exact cost of the usage.</param>
/// <param name="Billed">What OpenAI billed (0 when no line item).</param>
/// <param name="Exceeded">True when the difference is beyond the tolerance.</param>
public sealed record ReconcileRow(DateOnly Day, string Model, Meter Meter, string? LineItem, Usd Planner, decimal Billed, bool Exceeded)
{
    /// <summary>Billed minus Planner: positive when OpenAI billed more.</summary>
    public decimal Difference => Billed - Planner.Value;
}
