using Planner.Core.Projection;
using ScottPlot;

namespace Planner.Cli.Rendering;

/// <summary>Draws a projection as a fan chart: for each model, the P10 to P90 band shaded and the median as a line;
/// the budget, when given, as a dashed line.</summary>
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

    public static void Write(string path, ProjectionResult result, string source)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var plot = new Plot();
        for (int t = 0; t < result.Targets.Count; t++)
        {
            var target = result.Targets[t];
            var color = Palette[t % Palette.Length];
            double[] months = target.Months.Select(m => (double)m.Month).ToArray();
            double[] p10 = target.Months.Select(m => (double)m.P10.Value).ToArray();
            double[] p50 = target.Months.Select(m => (double)m.P50.Value).ToArray();
            double[] p90 = target.Months.Select(m => (double)m.P90.Value).ToArray();
            string name = result.Targets.Count > 1 ? target.Target.Name + " " : "";

            var band = plot.Add.FillY(months, p90, p10);
            band.FillColor = color.WithAlpha(0.25);
            band.LineWidth = 0;
            band.LegendText = name + "P10 to P90";

            var median = plot.Add.Scatter(months, p50);
            median.Color = color;
            median.LineWidth = 2;
            median.MarkerSize = months.Length <= 24 ? 5 : 0;
            median.LegendText = name + "median (P50)";
        }

        if (result.Options.Budget is { } budget)
        {
            var line = plot.Add.HorizontalLine((double)budget.Value);
            line.Color = Colors.Gray;
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = "budget " + Format.Usd(budget);
        }

        plot.Title("Projected monthly cost: " + source);
        plot.XLabel("Month");
        plot.YLabel("USD per month");
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = MoneyTick };
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, Width, Height);
    }
}
