using System.Globalization;
using Planner.Contract.Results;
using ScottPlot;

namespace Planner.Web.Charts;

/// <summary>Draws a simulation's throughput against the tier's limits: for each model, the requests and the TPM tokens
/// admitted per minute as a share of the tier's RPM and TPM limits (100% is the limit), over the trace's time.
/// A long trace is drawn by spans of several minutes, each at its busiest minute, so a peak is never averaged away.</summary>
public static class ThroughputChart
{
    /// <summary>Width of the PNG in pixels: 900.</summary>
    public const int Width = 900;

    /// <summary>Height of the PNG in pixels: 420.</summary>
    public const int Height = 420;

    /// <summary>At most this many points a line.</summary>
    public const int MaxPoints = 480;

    private static readonly Color[] Palette = [Colors.SteelBlue, Colors.DarkOrange, Colors.SeaGreen, Colors.Crimson];

    /// <summary>Minutes per drawn point for a series of <paramref name="minutes"/> minutes (1 up to <see cref="MaxPoints"/>).</summary>
    public static int Span(int minutes) => Math.Max(1, (int)Math.Ceiling(minutes / (double)MaxPoints));

    /// <summary>The chart as PNG bytes.</summary>
    public static byte[] Png(ThroughputResult result)
    {
        using var plot = Build(result, withTitle: true);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>The chart as an SVG document (without a title: the page has its heading).</summary>
    public static string Svg(ThroughputResult result, bool withTitle = false)
    {
        using var plot = Build(result, withTitle);
        string svg = plot.GetSvgXml(Width, Height);
        return System.Text.RegularExpressions.Regex.Replace(svg, "font-family=\"[^\"]*\"", "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif\"");
    }

    /// <summary>The chart as a plot (the caller disposes it).</summary>
    public static Plot Build(ThroughputResult result, bool withTitle)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = new Plot();
        plot.Font.Set(Fonts.Sans);
        double top = 100;
        int color = 0;
        double first = double.MaxValue, last = double.MinValue;
        foreach (var model in result.Models)
        {
            if (model.Minutes.Count == 0)
            {
                continue;
            }

            int span = Span(model.Minutes.Count);
            var points = Enumerable.Range(0, (model.Minutes.Count + span - 1) / span)
                .Select(i => model.Minutes.Skip(i * span).Take(span).ToList())
                .Select(g => (X: g[0].Minute.UtcDateTime.ToOADate(), Requests: g.Max(m => m.Requests), Tokens: g.Max(m => m.Tokens)))
                .ToList();
            double[] xs = [.. points.Select(p => p.X)];
            first = Math.Min(first, xs[0]);
            last = Math.Max(last, xs[^1]);
            foreach (var (limit, values, what, pattern) in new[]
            {
                (model.RpmLimit, points.Select(p => (double)p.Requests).ToArray(), "requests/min (RPM)", LinePattern.Solid),
                (model.TpmLimit, points.Select(p => (double)p.Tokens).ToArray(), "tokens/min (TPM)", LinePattern.Dotted),
            })
            {
                if (limit <= 0)
                {
                    continue;
                }

                double[] share = [.. values.Select(v => v * 100 / limit)];
                top = Math.Max(top, share.Max());
                var line = plot.Add.Scatter(xs, share);
                line.Color = Palette[color % Palette.Length];
                line.LineWidth = 1.5f;
                line.LinePattern = pattern;
                line.MarkerSize = points.Count <= 60 ? 4 : 0;
                line.LegendText = $"{model.Model} {what}";
            }

            color++;
        }

        string tier = Planner.Core.Catalog.TierName.TryParse(result.Tier, out var name, out _) ? name.DisplayName : result.Tier;
        var limitLine = plot.Add.HorizontalLine(100);
        limitLine.Color = Colors.Gray;
        limitLine.LinePattern = LinePattern.Dashed;
        limitLine.LegendText = $"{tier}'s limit (100%)";
        if (withTitle)
        {
            plot.Title($"Throughput against the limits at {tier}");
        }

        // Times of day on a one-day trace, dates with them on a longer one; a trace of a few minutes still spans ten.
        var axis = plot.Axes.DateTimeTicksBottom();
        bool oneDay = first <= last && DateTime.FromOADate(first).Date == DateTime.FromOADate(last).Date;
        if (axis.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic ticks)
        {
            ticks.LabelFormatter = d => d.ToString(oneDay ? "HH:mm" : "MM-dd HH:mm", CultureInfo.InvariantCulture);
        }

        if (first <= last)
        {
            double pad = Math.Max((last - first) * 0.02, TimeSpan.FromMinutes(1).TotalDays);
            plot.Axes.SetLimitsX(first - pad, Math.Max(last + pad, first + TimeSpan.FromMinutes(10).TotalDays));
        }

        plot.XLabel(oneDay && first <= last ? $"Time (UTC) on {DateTime.FromOADate(first):yyyy-MM-dd}" : "Time (UTC)");
        plot.YLabel("% of the tier's limit, busiest minute");
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v.ToString("0", CultureInfo.InvariantCulture) + "%" };
        plot.Axes.SetLimitsY(0, top * 1.08);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }
}
