using System.Globalization;
using Planner.Core.Regression;
using Planner.Core.Units;

namespace Planner.Cli.Rendering;

/// <summary>A regression report with the words every output format shares (summary, labels,
/// figures as text), so table, Markdown and JSON say the same thing.</summary>
/// <remarks>Percentages are shown rounded half away from zero to 2 decimals (JSON: 6); the
/// thresholds are checked on the exact figures, never on the rounded ones.</remarks>
public sealed record DiffView(RegressionReport Report, string BasePath, string? BaseVersion, string HeadPath, string? HeadVersion)
{
    /// <summary>The rounding rule, stated under every table.</summary>
    public const string PercentRule =
        "Costs are exact. Percentages are (new - old) / old x 100 from exact decimals, shown rounded half away from zero to at most 2 decimals; " +
        "thresholds are checked on the exact figures, and a change of exactly the threshold passes.";

    /// <summary>"passed" or "FAILED".</summary>
    public string Verdict => Report.Passed ? "passed" : "FAILED";

    /// <summary>One line: what changed, the largest workload move, and the verdict against the thresholds.</summary>
    public string Summary()
    {
        var diff = Report.Catalog;
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

        if (Report.Workloads.Count == 0)
        {
            parts.Add("no workloads priced");
        }
        else
        {
            var largest = Report.Workloads.OrderByDescending(Magnitude).First();
            parts.Add($"{Plural(Report.Workloads.Count, "workload", "workloads")}, largest cost change {largest.Name} {Percent(largest.Percent, largest)} ({SignedUsd(largest.Change)})");
        }

        string verdict = Report.Passed
            ? $"passed ({Limits()})"
            : $"FAILED: {Plural(Report.Breaches.Count, "threshold crossed", "thresholds crossed")} ({Limits()})";
        return string.Join("; ", parts) + "; " + verdict;
    }

    /// <summary>"--fail-above 10%, --fail-below 50%", or "no thresholds".</summary>
    public string Limits()
    {
        var t = Report.Thresholds;
        var limits = new List<string>();
        if (t.FailAbovePercent is { } above)
        {
            limits.Add($"--fail-above {Number(above)}%");
        }

        if (t.FailBelowPercent is { } below)
        {
            limits.Add($"--fail-below {Number(below)}%");
        }

        return limits.Count == 0 ? "no thresholds" : string.Join(", ", limits);
    }

    /// <summary>"voice-support-day: cost rose 12.5% ($10 -> $11.25), more than --fail-above 10%"; the verb
    /// carries the direction, so the percentage is unsigned ("fell 100%", never "fell -100%").</summary>
    public static string Describe(ThresholdBreach breach)
    {
        ArgumentNullException.ThrowIfNull(breach);
        var i = breach.Impact;
        string verb = breach.Direction == ThresholdDirection.Rise ? "rose" : "fell";
        string option = breach.Direction == ThresholdDirection.Rise ? "--fail-above" : "--fail-below";
        string threshold = $"{option} {Number(breach.ThresholdPercent)}%";
        return i.Percent is { } p
            ? $"{i.Name}: cost {verb} {Format.Number(Math.Abs(p), 2)}% ({Format.Usd(i.Base.Total)} -> {Format.Usd(i.Head.Total)}), more than {threshold}"
            : $"{i.Name}: cost rose from {Format.Usd(i.Base.Total)} to {Format.Usd(i.Head.Total)}; any rise from zero is more than {threshold}";
    }

    /// <summary>What happened to a name: "added", "removed", "alias of gpt-audio, was gpt-audio-mini".</summary>
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

    /// <summary>"model", "snapshot" or "alias".</summary>
    public static string KindName(NameKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>A price per 1M tokens, "$0.6", or "none".</summary>
    public static string Price(PricePerMillionTokens? price) => price is { } p ? Format.Usd(Usd.FromDollars(p.UsdPerMillion)) : "none";

    /// <summary>A figure in its unit, "128,000", "$500", "10", or "none".</summary>
    public static string Figure(FigureChange change, decimal? value)
    {
        ArgumentNullException.ThrowIfNull(change);
        return value is not { } v ? "none" : change.Unit switch
        {
            FigureUnit.Usd => Format.Usd(Usd.FromDollars(v)),
            FigureUnit.TokensPerSecond => Format.Number(v, 3),
            _ => Format.Number(v, 0),
        };
    }

    /// <summary>A date, or "none".</summary>
    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none";

    /// <summary>"+12.35%", "-100%", "0%"; "n/a" when the old figure is missing or zero.</summary>
    public static string Percent(decimal? percent) => percent is { } p ? Format.Percent(p) : "n/a";

    /// <summary>A workload's change; "new cost" when it rises from zero.</summary>
    public static string Percent(decimal? percent, WorkloadImpact impact)
    {
        ArgumentNullException.ThrowIfNull(impact);
        return percent is null && impact.Head.Total.Value != 0 ? "n/a (was $0)" : Percent(percent ?? 0);
    }

    /// <summary>"+$1.25", "-$0.5", "$0".</summary>
    public static string SignedUsd(Usd amount) => (amount.Value > 0 ? "+" : "") + Format.Usd(amount);

    /// <summary>A threshold or percentage as given, "10", "2.5".</summary>
    public static string Number(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static decimal Magnitude(WorkloadImpact impact) =>
        impact.Percent is { } p ? Math.Abs(p) : impact.Head.Total.Value == 0 ? 0 : decimal.MaxValue;

    private static void AddCount(List<string> parts, int count, string one, string many)
    {
        if (count > 0)
        {
            parts.Add(Plural(count, one, many));
        }
    }

    private static string Plural(int count, string one, string many) => $"{Format.Count(count)} {(count == 1 ? one : many)}";
}
