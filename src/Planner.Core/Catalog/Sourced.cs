namespace Planner.Core.Catalog;

/// <summary>Where a figure comes from, and whether it is an assumption the user may override.</summary>
/// <param name="Url">The public source.</param>
/// <param name="IsAssumption">True when the figure is assumed rather than stated by the source.</param>
/// <param name="Note">Why, where the source needs a word of explanation.</param>
public sealed record Source(string Url, bool IsAssumption = false, string? Note = null);
