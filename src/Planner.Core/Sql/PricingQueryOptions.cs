namespace Planner.Core.Sql;

/// <summary>What <see cref="PricingQuery"/> prices and how it groups. Immutable.</summary>
public sealed record PricingQueryOptions
{
    /// <summary>The usage table: a name (<c>project.dataset.usage</c>) or any FROM item. The default value is "usage".</summary>
    public string Table { get; init; } = "usage";

    /// <summary>Where each field is found. The default value is <see cref="UsageColumns.Planner"/>.</summary>
    public UsageColumns Columns { get; init; } = UsageColumns.Planner;

    /// <summary>How finely time is grouped. The default value is <see cref="SqlGrain.Day"/>.</summary>
    public SqlGrain Grain { get; init; } = SqlGrain.Day;
}
