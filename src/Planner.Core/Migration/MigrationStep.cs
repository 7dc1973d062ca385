namespace Planner.Core.Migration;

/// <summary>Traffic moving off a model at its shutdown.</summary>
/// <param name="From">The model that shuts down (billing id).</param>
/// <param name="To">Where its traffic moves.</param>
/// <param name="Shutdown">The first day requests fail.</param>
/// <param name="Month">The month of the horizon holding the shutdown (0 when it is before the start: all traffic moved).</param>
/// <param name="ShareBefore">The share of that month still on <paramref name="From"/> (days before the shutdown / days in the month).</param>
public sealed record MigrationStep(string From, string To, DateOnly Shutdown, int Month, decimal ShareBefore);
