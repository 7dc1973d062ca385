namespace Planner.Core.Catalog;

/// <summary>Where a model (or snapshot) stands on a given day.</summary>
public enum LifecycleStatus
{
    /// <summary>Before its release date.</summary>
    Unreleased,

    /// <summary>Released, with no shutdown announced (or announced after the day in question).</summary>
    Active,

    /// <summary>A shutdown is announced and has not yet happened: requests still work.</summary>
    Deprecated,

    /// <summary>On or after its shutdown date: requests fail.</summary>
    ShutDown,
}
