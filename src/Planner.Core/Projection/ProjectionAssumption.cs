namespace Planner.Core.Projection;

/// <summary>One assumption a projection rests on.</summary>
/// <param name="Name">A stable key, e.g. "days_per_month".</param>
/// <param name="Value">The value assumed, e.g. "30".</param>
/// <param name="Why">What it means or where it comes from.</param>
public sealed record ProjectionAssumption(string Name, string Value, string Why);
