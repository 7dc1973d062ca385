using Planner.Core.Units;

namespace Planner.Contract.Results;

/// <summary>A billed line item Planner could not read as a model and meter: its line in the export, day, name and amount.</summary>
public sealed record ReconcileUnparsedRow(long Line, DateOnly Day, string? LineItem, Usd BilledUsd);
