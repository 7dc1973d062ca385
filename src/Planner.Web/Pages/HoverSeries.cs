namespace Planner.Web.Pages;

/// <summary>One series in a hovered month.</summary>
internal sealed record HoverSeries(string Name, string P10, string P50, string P90);
