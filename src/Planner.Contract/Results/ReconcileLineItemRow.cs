using System.Text.Json.Serialization;
using Planner.Core.Units;

namespace Planner.Contract.Results;

/// <summary>One day, model and meter of a reconciliation. <see cref="LineItem"/> is null when nothing was billed for it.</summary>
public sealed record ReconcileLineItemRow(DateOnly Day, string Model, string Meter, string? LineItem, Usd PlannerUsd, Usd BilledUsd, Usd DifferenceUsd, bool Exceeded)
{
    /// <summary>The meter's label ("Audio output"), for tables.</summary>
    [JsonIgnore]
    public string MeterLabel { get; init; } = Meter;
}
