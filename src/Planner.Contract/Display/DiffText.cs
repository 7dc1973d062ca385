using System.Globalization;
using Planner.Contract.Results;
using Planner.Core.Regression;
using Planner.Core.Units;

namespace Planner.Contract.Display;

/// <summary>The words of a diff every format shares (summary, breach messages, figures as text), so the table, the
/// Markdown, the JSON and the web say the same thing. Thresholds are named by their fields (fail_above), never a flag.</summary>
/// <remarks>Percentages are shown rounded half away from zero to 2 decimals (JSON: 6); the thresholds are checked on
/// the exact figures, never on the rounded ones.</remarks>
public static class DiffText
{
    /// <summary>The rounding rule, stated under every table.</summary>
    public const string PercentRule =
        "Costs are exact. Percentages are (new - old) / old x 100 from exact decimals, shown rounded half away from zero to at most 2 decimals; " +
        "thresholds are checked on the exact figures, and a change of exactly the threshold passes.";

    /// <summary>One line: what changed, the largest workload move, and the verdict against the thresholds.</summary>
    public static string Summary(RegressionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var diff = report.Catalog;
        var parts = new List<string>();
        if (diff.IsEmpty)
        {
            parts.Add("no catalog changes");
        }
        else
        {
            var kinds = new List<string>();
            AddCount(kinds, diff.Prices.Count, "price change", "price changes");
            AddCount(kinds, diff.Names.Count, "model/snapshot/alias change", "model/snapshot/alias changes");
            AddCount(kinds, diff.Figures.Count, "cap/limit/rate change", "cap/limit/rate changes");
            AddCount(kinds, diff.Lifecycle.Count, "lifecycle date change", "lifecycle date changes");
            parts.Add(string.Join(", ", kinds));
        }

        if (report.Workloads.Count == 0)
        {
            parts.Add("no workloads priced");
        }
        else
        {
            var largest = report.Workloads.OrderByDescending(Magnitude).First();
            parts.Add($"{Plural(report.Workloads.Count, "workload", "workloads")}, largest cost change {largest.Name} {Percent(largest.Percent, largest)} ({SignedUsd(largest.Change)})");
        }

        string verdict = report.Passed
            ? $"passed ({Limits(report.Thresholds)})"
            : $"FAILED: {Plural(report.Breaches.Count, "threshold crossed", "thresholds crossed")} ({Limits(report.Thresholds)})";
        return string.Join("; ", parts) + "; " + verdict;
    }

    /// <summary>"fail_above 10%, fail_below 50%", or "no thresholds".</summary>
    public static string Limits(CostThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var limits = new List<string>();
        if (thresholds.FailAbovePercent is { } above)
        {
            limits.Add($"fail_above {Number(above)}%");
        }

        if (thresholds.FailBelowPercent is { } below)
        {
            limits.Add($"fail_below {Number(below)}%");
        }

        return limits.Count == 0 ? "no thresholds" : string.Join(", ", limits);
    }

    /// <summary>"voice-support-day: cost rose 12.5% ($10 -> $11.25), more than fail_above 10%"; the verb carries the
    /// direction, so the percentage is unsigned ("fell 100%", never "fell -100%").</summary>
    public static string Describe(ThresholdBreach breach)
    {
        ArgumentNullException.ThrowIfNull(breach);
        var i = breach.Impact;
        string verb = breach.Direction == ThresholdDirection.Rise ? "rose" : "fell";
        string field = breach.Direction == ThresholdDirection.Rise ? "fail_above" : "fail_below";
        string threshold = $"{field} {Number(breach.ThresholdPercent)}%";
        return i.Percent is { } p
            ? $"{i.Name}: cost {verb} {Rounded(Math.Abs(p), 2)}% ({UsdText.Exact(i.Base.Total)} -> {UsdText.Exact(i.Head.Total)}), more than {threshold}"
            : $"{i.Name}: cost rose from {UsdText.Exact(i.Base.Total)} to {UsdText.Exact(i.Head.Total)}; any rise from zero is more than {threshold}";
    }

    /// <summary>What happened to a name: "added", "removed", "now an alias of gpt-audio, was gpt-audio-mini".</summary>
    public static string Describe(NameChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Kind switch
        {
            NameKind.Model => change.IsAdded ? "added" : "removed",
            NameKind.Snapshot => change.IsAdded ? $"added (snapshot of {change.New})" : $"removed (was a snapshot of {change.Old})",
            _ when change.IsAdded => $"added (alias of {change.New})",
            _ when change.IsRemoved => $"removed (was an alias of {change.Old})",
            _ => $"now an alias of {change.New}, was {change.Old}",
        };
    }

    /// <summary>A price per 1M tokens, "$0.6", or "none".</summary>
    public static string Price(decimal? usdPerMillion) => usdPerMillion is { } p ? UsdText.Exact(Usd.FromDollars(p)) : "none";

    /// <summary>A figure in its unit, "128,000", "$500", "10", or "none".</summary>
    public static string Figure(FigureUnit unit, decimal? value) => value is not { } v ? "none" : unit switch
    {
        FigureUnit.Usd => UsdText.Exact(Usd.FromDollars(v)),
        FigureUnit.TokensPerSecond => Rounded(v, 3),
        _ => Rounded(v, 0),
    };

    /// <summary>A date, or "none".</summary>
    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none";

    /// <summary>"+12.35%", "-100%", "0%"; "n/a" when the old figure is missing or zero.</summary>
    public static string Percent(decimal? percent) => percent is { } p ? (p > 0 ? "+" : "") + Rounded(p, 2) + "%" : "n/a";

    /// <summary>A workload's change; "n/a (was $0)" when it rises from zero.</summary>
    public static string Percent(decimal? percent, WorkloadImpact impact)
    {
        ArgumentNullException.ThrowIfNull(impact);
        return percent is null && impact.Head.Total.Value != 0 ? "n/a (was $0)" : Percent(percent ?? 0);
    }

    /// <summary>"+$1.25", "-$0.5", "$0".</summary>
    public static string SignedUsd(Usd amount) => (amount.Value > 0 ? "+" : "") + UsdText.Exact(amount);

    /// <summary>A threshold or percentage as given, "10", "2.5".</summary>
    public static string Number(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    /// <summary>A percentage as JSON gives it: rounded half away from zero to 6 decimals.</summary>
    public static decimal? JsonPercent(decimal? percent) => percent is { } p ? Math.Round(p, 6, MidpointRounding.AwayFromZero) : null;

    private static string Rounded(decimal value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("#,0." + new string('#', decimals), CultureInfo.InvariantCulture);

    private static decimal Magnitude(WorkloadImpact impact) =>
        impact.Percent is { } p ? Math.Abs(p) : impact.Head.Total.Value == 0 ? 0 : decimal.MaxValue;

    private static void AddCount(List<string> parts, int count, string one, string many)
    {
        if (count > 0)
        {
            parts.Add(Plural(count, one, many));
        }
    }

    private static string Plural(int count, string one, string many) => $"{count.ToString("N0", CultureInfo.InvariantCulture)} {(count == 1 ? one : many)}";
}
