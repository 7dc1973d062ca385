using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Core.Catalog;
using Planner.Core.Ingest;
using Planner.Core.Traces;
using Planner.Core.Units;
using ReconcileResult = Planner.Contract.Results.ReconcileResult;

namespace Planner.Contract.Services;

/// <summary>Runs <c>reconcile</c>: the usage priced per day, model and meter beside the billed costs.</summary>
public static class ReconcileService
{
    /// <summary>Reads <paramref name="usage"/> (opened with <c>query.ToTraceOptions(now)</c>) once and compares it with
    /// <paramref name="billed"/> (read by <see cref="CostsPages"/> from the export named <paramref name="costs"/>).</summary>
    public static ReconcileResult Run(ReconcileQuery query, ModelCatalog catalog, IUsageSource usage, string costs, IReadOnlyList<BilledCost> billed)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(usage);
        var result = Reconciler.Reconcile(usage, billed, catalog, query.ParsedTolerance());
        return new ReconcileResult
        {
            Trace = usage.Path,
            RowsRead = usage.RowsRead,
            RowsPriced = usage.RowsRead - usage.Rejections.Count,
            RowsRejected = usage.Rejections.Count,
            Rejections = RejectionsResult.From(usage.Rejections),
            Costs = costs,
            Tolerance = result.Tolerance.ToString(),
            Matches = result.Matches,
            PlannerUsd = result.Planner,
            BilledUsd = Usd.FromDollars(result.Billed),
            DifferenceUsd = Usd.FromDollars(result.Billed - result.Planner.Value),
            Days = [.. result.Days.Select(d => new ReconcileDayRow(d.Day, d.Planner, Usd.FromDollars(d.Billed), Usd.FromDollars(d.Difference), d.Exceeded))],
            LineItems = [.. result.Rows.Select(r => new ReconcileLineItemRow(r.Day, r.Model, r.Meter.Info().JsonKey, r.LineItem, r.Planner,
                Usd.FromDollars(r.Billed), Usd.FromDollars(r.Difference), r.Exceeded) { MeterLabel = r.Meter.Info().Label })],
            Unparsed = [.. result.Unparsed.Select(u => new ReconcileUnparsedRow(u.Line, u.Day, u.LineItem, Usd.FromDollars(u.Amount)))],
            Warnings = [],
            Assumptions = new AssumptionList().AddSource(usage).Items,
        };
    }
}
