using Planner.Core.Catalog;

namespace Planner.Core.Projection;

/// <summary>One kind of traffic: requests to one model, how often they come, and what each uses.</summary>
/// <param name="Model">The model the requests are sent to (a comparison may price them on another).</param>
/// <param name="Arrivals">How many requests a day.</param>
/// <param name="Usage">The tokens of one request.</param>
public sealed record WorkloadStream(ResolvedModel Model, Arrivals Arrivals, UsageDistribution Usage)
{
    /// <summary>The share of each month's traffic this stream carries (index 0 = month 1), e.g. the days before or after a
    /// model's shutdown; null (the default) or a month past the list's end carries all of it.</summary>
    public IReadOnlyList<decimal>? MonthShares { get; init; }

    /// <summary>The share of month <paramref name="month"/> (1-based) this stream carries.</summary>
    public decimal ShareOf(int month) => MonthShares is { } shares && month <= shares.Count ? shares[month - 1] : 1m;

    /// <summary>What a stream learned from a trace rests on (its rate and tokens are then uncertain), or null
    /// for a stream given by hand. The default value is null.</summary>
    public TraceEvidence? Evidence { get; init; }
}
