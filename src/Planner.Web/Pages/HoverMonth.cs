namespace Planner.Web.Pages;

/// <summary>One month of the fan chart's hover: each drawn series' figures as the page shows them.</summary>
internal sealed record HoverMonth(int Month, IReadOnlyList<HoverSeries> Series);
