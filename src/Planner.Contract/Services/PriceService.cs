using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Core.Catalog;
using Planner.Core.Traces;

namespace Planner.Contract.Services;

/// <summary>Runs <c>price</c>: the exact cost of every row of a usage source at the prices in effect at its timestamp.</summary>
public static class PriceService
{
    /// <summary>Reads <paramref name="source"/> (opened with <c>query.ToTraceOptions(catalog, false, now)</c>) once and
    /// prices it. A bad row without SkipInvalid throws <see cref="Planner.Core.PlannerException"/> naming file, line and field.</summary>
    public static PriceResult Run(PriceQuery query, ModelCatalog catalog, IUsageSource source, Action<IUsageSource>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(source);
        var costs = new TraceCosts();
        GroupedCosts? groups = query.GroupBy is { } by ? new GroupedCosts(source, by, costs) : null;
        if (groups is null)
        {
            source.ReadAll(costs, progress);
        }
        else
        {
            source.ReadAll(groups, progress);
        }

        return FromSource(query, catalog, source, costs, groups);
    }

    /// <summary>The result of a source read to its end into <paramref name="costs"/> (and <paramref name="groups"/>).</summary>
    public static PriceResult FromSource(PriceQuery query, ModelCatalog catalog, IUsageSource source, TraceCosts costs, GroupedCosts? groups)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(source);
        var assumptions = new AssumptionList().AddAudioRates(query.Rates(catalog), source.ConvertedAudioSeconds).AddSource(source).AddCachedFallbacks(catalog, costs);
        return Build(query, catalog, source.Path, source.RowsRead, source.Rejections, costs, groups, assumptions, engine: null);
    }

    /// <summary>The result of rows priced by any engine (the DuckDB one gives its costs and rejections by reason).</summary>
    public static PriceResult Build(PriceQuery query, ModelCatalog catalog, string trace, long rowsRead, TraceRejections rejections, TraceCosts costs,
        GroupedCosts? groups, AssumptionList assumptions, string? engine)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(assumptions);
        return new PriceResult(new TracePricedResult(trace, rowsRead, rejections, costs))
        {
            Engine = engine,
            ModelOverride = query.ModelOverride,
            By = groups is null ? null : GroupsResult.From(query.By!, groups),
            Warnings = new WarningList().ForTrace(catalog, costs).Items,
            Assumptions = assumptions.Items,
        };
    }
}
