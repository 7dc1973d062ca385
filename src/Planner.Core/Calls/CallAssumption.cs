namespace Planner.Core.Calls;

/// <summary>One assumption a call's cost rests on.</summary>
/// <param name="Key">A stable snake_case key, e.g. "cache_hit_share".</param>
/// <param name="Value">The value assumed, e.g. "0.5".</param>
/// <param name="Why">What it means, where it comes from, and how to override it.</param>
public sealed record CallAssumption(string Key, string Value, string Why);
