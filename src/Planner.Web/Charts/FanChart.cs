using Planner.Contract.Results;
using Planner.Contract.Services;
using Planner.Core.Projection;
using Planner.Web.Html;
using ScottPlot;

namespace Planner.Web.Charts;

/// <summary>Draws a projection as a fan chart: for each model, the P10 to P90 band shaded and the median as a line;
/// the budget, when given, as a dashed line. One drawing for the CLI's <c>project --chart</c> PNG and the web's PNG and SVG.</summary>
public static class FanChart
{
    /// <summary>Width of the PNG in pixels: 900.</summary>
    public const int Width = 900;

    /// <summary>Height of the PNG in pixels: 540.</summary>
    public const int Height = 540;

    private static readonly Color[] Palette = [Colors.SteelBlue, Colors.DarkOrange, Colors.SeaGreen, Colors.Crimson];

    /// <summary>A y-axis tick as money with as many decimals as the tick needs (at least cents once below a dollar
    /// step): "$1,500", "$3.00", "$3.25", "$0.001"; whole dollars alone would print a $3-to-$4 axis as "$3" eight times.</summary>
    public static string MoneyTick(double value)
    {
        string sign = value < 0 ? "-" : "";
        double amount = Math.Abs(value);
        for (int decimals = 0; decimals <= 6; decimals++)
        {
            double scaled = amount * Math.Pow(10, decimals);
            if (Math.Abs(scaled - Math.Round(scaled)) <= 1e-6 * Math.Max(1, scaled))
            {
                // Whole dollars from $100 up print bare; below, cents too, so "$3.00" sits among "$3.10" ticks.
                int shown = amount == 0 || (decimals == 0 && amount >= 100) ? 0 : Math.Max(2, decimals);
                return sign + "$" + amount.ToString("N" + shown.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return sign + "$" + amount.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Writes the chart. The legend sits below the plot, outside the data; targets with identical figures
    /// are drawn once under all their names; the x axis shows only the projection's months; the y axis starts at 0;
    /// an exact projection (no spread) has no band; the title names every model compared and the growth.</summary>
    public static void Write(string path, ProjectResult result)
    {
        using var plot = Build(result);
        plot.SavePng(path, Width, Height);
    }

    /// <summary>The chart as PNG bytes.</summary>
    public static byte[] Png(ProjectResult result)
    {
        using var plot = Build(result);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>The chart as an SVG document, with the pixel span of its data area (for the web page's hover).</summary>
    /// <remarks>The page has its own heading, so the SVG leaves the title out; its text is set in the page's sans-serif stack.</remarks>
    public static (string Svg, double Left, double Right, double XMin, double XMax) Svg(ProjectResult result)
    {
        using var plot = Build(result, withTitle: false);
        string svg = plot.GetSvgXml(Width, Height);
        svg = System.Text.RegularExpressions.Regex.Replace(svg, "font-family=\"[^\"]*\"", "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif\"");
        var area = plot.RenderManager.LastRender.DataRect;
        var limits = plot.Axes.GetLimits();
        return (svg, area.Left, area.Right, limits.Left, limits.Right);
    }

    /// <summary>The chart of Core's projection (for tests of the drawing): the record <see cref="ProjectService.FromProjection"/> makes of it.</summary>
    public static Plot Build(ProjectionResult result, string source, bool withTitle = true) => Build(Record(result, source), withTitle);

    /// <summary>The series of Core's projection (see <see cref="Series(ProjectResult)"/>).</summary>
    public static List<(string Names, ProjectionTargetResult Target)> Series(ProjectionResult result) => Series(Record(result, ""));

    /// <summary>The chart as a plot (the caller disposes it).</summary>
    public static Plot Build(ProjectResult result, bool withTitle = true)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = new Plot();
        plot.Font.Set(Fonts.Sans);
        var series = Series(result);
        var targets = result.Targets;
        double top = 0;
        int monthCount = result.MonthCount;
        for (int t = 0; t < series.Count; t++)
        {
            var (names, target) = series[t];
            var color = Palette[t % Palette.Length];
            double[] months = target.Months.Select(m => (double)m.Month).ToArray();
            double[] p10 = target.Months.Select(m => (double)m.P10Usd.Value).ToArray();
            double[] p50 = target.Months.Select(m => (double)m.P50Usd.Value).ToArray();
            double[] p90 = target.Months.Select(m => (double)m.P90Usd.Value).ToArray();
            top = Math.Max(top, p90.Max());
            string name = targets.Count > 1 ? names + " " : "";

            if (!result.Exact)
            {
                var band = plot.Add.FillY(months, p90, p10);
                band.FillColor = color.WithAlpha(0.25);
                band.LineWidth = 0;
                band.LegendText = name + "P10 to P90";
            }

            var median = plot.Add.Scatter(months, p50);
            median.Color = color;
            median.LineWidth = 2;
            median.MarkerSize = months.Length <= 24 ? 5 : 0;
            median.LegendText = name + (result.Exact ? "cost (exact)" : "median (P50)");
        }

        if (result.BudgetUsd is { } budget)
        {
            var line = plot.Add.HorizontalLine((double)budget.Value);
            line.Color = Colors.Gray;
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = "budget " + Money.Exact(budget);
            top = Math.Max(top, (double)budget.Value);
        }

        // Two lines, so a comparison of several models fits the width.
        string models = targets.Count > 1 ? string.Join(" vs ", targets.Select(x => x.Model)) + "; " : "";
        if (withTitle)
        {
            plot.Title($"Projected monthly cost: {result.Source}\n{models}growth {Money.Number(result.GrowthPercent)}%/month");
        }

        plot.XLabel("Month");
        plot.YLabel("USD per month");
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = MoneyTick };

        // Only the projection's months on the x axis (every month up to 24, else about 12 evenly spaced).
        int step = monthCount <= 24 ? 1 : (int)Math.Ceiling(monthCount / 12.0);
        var ticks = Enumerable.Range(1, monthCount).Where(m => (m - 1) % step == 0).ToArray();
        plot.Axes.Bottom.SetTicks([.. ticks.Select(m => (double)m)], [.. ticks.Select(m => m.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        plot.Axes.SetLimitsX(0.7, monthCount + 0.3);
        plot.Axes.SetLimitsY(0, top <= 0 ? 1 : top * 1.08);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    /// <summary>The targets to draw: those with identical monthly figures merged, their names joined.</summary>
    public static List<(string Names, ProjectionTargetResult Target)> Series(ProjectResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var series = new List<(string Names, ProjectionTargetResult Target)>();
        foreach (var target in result.Targets)
        {
            int same = series.FindIndex(s => s.Target.Months.Select(Key).SequenceEqual(target.Months.Select(Key)));
            if (same >= 0)
            {
                series[same] = (series[same].Names + " = " + target.Model, series[same].Target);
            }
            else
            {
                series.Add((target.Model, target));
            }
        }

        return series;
    }

    private static ProjectResult Record(ProjectionResult result, string source) =>
        ProjectService.FromProjection(result, source, callUnit: false, new AssumptionList(), [], []);

    private static (decimal, decimal, decimal) Key(ProjectionMonthRow m) => (m.P10Usd.Value, m.P50Usd.Value, m.P90Usd.Value);
}
