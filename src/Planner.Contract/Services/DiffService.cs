using System.Text.Json;
using Planner.Contract.Display;
using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Core.Catalog;
using Planner.Core.Regression;

namespace Planner.Contract.Services;

/// <summary>Runs <c>diff</c>: every difference between two loaded catalogs and what it does to each workload's cost.</summary>
public static class DiffService
{
    /// <summary>The result; the paths are how the shell names the catalogs.</summary>
    /// <exception cref="Planner.Core.PlannerException">A workload that cannot be priced under one of the catalogs.</exception>
    public static DiffResult Run(DiffQuery query, ModelCatalog @base, string basePath, ModelCatalog head, string headPath, IReadOnlyList<IWorkload> workloads)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(@base);
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(workloads);
        var report = RegressionReport.Build(@base, head, workloads, new CostThresholds(query.FailAbove, query.FailBelow));
        var warnings = new WarningList();
        foreach (var workload in workloads)
        {
            // The lifecycle that matters is the head catalog's: the one the change would ship.
            warnings.ForTrace(head, workload.Price(head));
        }

        var diff = report.Catalog;
        return new DiffResult
        {
            Passed = report.Passed,
            Summary = DiffText.Summary(report),
            Base = new DiffCatalogRef(basePath, @base.Version),
            Head = new DiffCatalogRef(headPath, head.Version),
            CatalogChanges = diff.Count,
            Warnings = warnings.Items,
            Prices = [.. diff.Prices.Select(p => new DiffPriceRow
            {
                Model = p.Model,
                MeterKey = p.Meter.Info().JsonKey,
                Meter = p.Meter,
                EffectiveFrom = p.EffectiveFrom,
                OldUsdPerMillion = p.Old?.UsdPerMillion,
                NewUsdPerMillion = p.New?.UsdPerMillion,
                ChangePercent = DiffText.JsonPercent(p.Percent),
                ChangeText = DiffText.Percent(p.Percent),
            })],
            Names = [.. diff.Names.Select(n => new DiffNameRow
            {
                Kind = n.Kind.ToString().ToLowerInvariant(),
                Name = n.Name,
                Change = n.IsAdded ? "added" : n.IsRemoved ? "removed" : "retargeted",
                OldModel = n.Old,
                NewModel = n.New,
                Description = DiffText.Describe(n),
            })],
            Figures = [.. diff.Figures.Select(f => new DiffFigureRow
            {
                Subject = f.Subject,
                Figure = f.Figure,
                Unit = JsonNamingPolicy.SnakeCaseLower.ConvertName(f.Unit.ToString()),
                Old = f.Old,
                New = f.New,
                ChangePercent = DiffText.JsonPercent(f.Percent),
                OldText = DiffText.Figure(f.Unit, f.Old),
                NewText = DiffText.Figure(f.Unit, f.New),
                ChangeText = DiffText.Percent(f.Percent),
            })],
            Lifecycle = [.. diff.Lifecycle.Select(l => new DiffLifecycleRow(l.Subject, l.Figure, l.Old is null ? null : DiffText.Date(l.Old), l.New is null ? null : DiffText.Date(l.New)))],
            Workloads = [.. report.Workloads.Select(w => new DiffWorkloadRow
            {
                Name = w.Name,
                Requests = w.Base.Requests,
                BaseUsd = w.Base.Total,
                HeadUsd = w.Head.Total,
                ChangeUsd = w.Change,
                ChangePercent = DiffText.JsonPercent(w.Percent),
                ChangeText = DiffText.Percent(w.Percent, w),
            })],
            Thresholds = new DiffThresholds(report.Thresholds.FailAbovePercent, report.Thresholds.FailBelowPercent),
            Breaches = [.. report.Breaches.Select(b => new DiffBreachRow
            {
                Workload = b.Impact.Name,
                Direction = b.Direction == ThresholdDirection.Rise ? "rise" : "fall",
                ThresholdPercent = b.ThresholdPercent,
                ChangePercent = DiffText.JsonPercent(b.Impact.Percent),
                Message = DiffText.Describe(b),
            })],
        };
    }
}
