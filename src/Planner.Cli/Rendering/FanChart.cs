using Planner.Core.Projection;
using ScottPlot;

namespace Planner.Cli.Rendering;

/// <summary>The CLI's fan chart (<c>project --chart</c>): the drawing lives in <see cref="Planner.Web.Charts.FanChart"/>,
/// shared with the web calculator, so the file and the page show the same chart.</summary>
public static class FanChart
{
    /// <summary>Width of the PNG in pixels: 900.</summary>
    public const int Width = Planner.Web.Charts.FanChart.Width;

    /// <summary>Height of the PNG in pixels: 540.</summary>
    public const int Height = Planner.Web.Charts.FanChart.Height;

    /// <summary>A y-axis tick as money (see <see cref="Planner.Web.Charts.FanChart.MoneyTick"/>).</summary>
    public static string MoneyTick(double value) => Planner.Web.Charts.FanChart.MoneyTick(value);

    /// <summary>Writes the chart of a projection result as a PNG file.</summary>
    public static void Write(string path, Planner.Contract.Results.ProjectResult result) => Planner.Web.Charts.FanChart.Write(path, result);

    /// <summary>The chart as a plot (the caller disposes it).</summary>
    internal static Plot Build(ProjectionResult result, string source) => Planner.Web.Charts.FanChart.Build(result, source);

    /// <summary>The targets to draw: those with identical monthly figures merged, their names joined.</summary>
    internal static List<(string Names, Planner.Contract.Results.ProjectionTargetResult Target)> Series(ProjectionResult result) => Planner.Web.Charts.FanChart.Series(result);
}
