namespace Planner.Core.Sql;

/// <summary>How finely the pricing query groups time.</summary>
public enum SqlGrain
{
    /// <summary>By UTC day (the default).</summary>
    Day,

    /// <summary>By UTC day and hour (an <c>hour</c> column, 0-23).</summary>
    Hour,
}
