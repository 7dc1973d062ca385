using Planner.Core.Units;

namespace Planner.Contract.Results;

/// <summary>The result of <c>reconcile</c>: the usage priced per day, model and meter beside what OpenAI billed.
/// The usage's rows are flat at the top (<c>"trace"</c>, <c>"rows_read"</c>, ...), as <c>--json</c> always had them.</summary>
public sealed record ReconcileResult : TraceRowsResult
{
    /// <summary>The costs export as named (a path, an upload's file name).</summary>
    public required string Costs { get; init; }

    /// <summary>The tolerance as shown ("$0.01", "0.5%").</summary>
    public required string Tolerance { get; init; }

    /// <summary>True when no line item and no day differs beyond the tolerance.</summary>
    public required bool Matches { get; init; }

    /// <summary>The usage priced by Planner (the line items' sum).</summary>
    public required Usd PlannerUsd { get; init; }

    /// <summary>What OpenAI billed (line items and unparsed ones).</summary>
    public required Usd BilledUsd { get; init; }

    /// <summary>Billed minus Planner.</summary>
    public required Usd DifferenceUsd { get; init; }

    /// <summary>Per UTC day.</summary>
    public required IReadOnlyList<ReconcileDayRow> Days { get; init; }

    /// <summary>Per day, model and meter.</summary>
    public required IReadOnlyList<ReconcileLineItemRow> LineItems { get; init; }

    /// <summary>Billed line items Planner could not read as a model and meter (counted in their day's billed total).</summary>
    public required IReadOnlyList<ReconcileUnparsedRow> Unparsed { get; init; }

    public required IReadOnlyList<WarningItem> Warnings { get; init; }

    public required IReadOnlyList<AssumptionItem> Assumptions { get; init; }
}
