namespace Planner.Core.Regression;

/// <summary>A deprecation or shutdown date that differs between the catalogs (pricing after shutdown is an error).</summary>
/// <param name="Subject">The model or snapshot id.</param>
/// <param name="Figure">"deprecated" or "shutdown".</param>
/// <param name="Old">The base date, or null for none.</param>
/// <param name="New">The head date, or null for none.</param>
public sealed record LifecycleChange(string Subject, string Figure, DateOnly? Old, DateOnly? New);
