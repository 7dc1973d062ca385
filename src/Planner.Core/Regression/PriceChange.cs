using Planner.Core.Catalog;
using Planner.Core.Units;

namespace Planner.Core.Regression;

/// <summary>One meter's price that differs between the catalogs from a date on.</summary>
/// <param name="Model">The model id, or the snapshot id where a snapshot has prices of its own.</param>
/// <param name="Meter">The meter.</param>
/// <param name="EffectiveFrom">The first day the prices differ (a date on which either catalog's prices start).</param>
/// <param name="Old">The base catalog's price in effect that day, or null when it has none yet.</param>
/// <param name="New">The head catalog's price in effect that day, or null when it has none yet.</param>
public sealed record PriceChange(string Model, Meter Meter, DateOnly EffectiveFrom, PricePerMillionTokens? Old, PricePerMillionTokens? New)
{
    /// <summary>(new - old) / old x 100; null when either is missing or old is zero.</summary>
    public decimal? Percent => Old is { } o && New is { } n ? PercentChange.Of(o.UsdPerMillion, n.UsdPerMillion) : null;
}
