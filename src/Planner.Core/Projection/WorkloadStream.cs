using Planner.Core.Catalog;

namespace Planner.Core.Projection;

/// <summary>One kind of traffic: requests to one model, how often they come, and what each uses.</summary>
/// <param name="Model">The model the requests are sent to (a comparison may price them on another).</param>
/// <param name="Arrivals">How many requests a day.</param>
/// <param name="Usage">The tokens of one request.</param>
public sealed record WorkloadStream(ResolvedModel Model, Arrivals Arrivals, UsageDistribution Usage)
{
    /// <summary>What a stream learned from a trace rests on (its rate and tokens are then uncertain), or null
    /// for a stream given by hand. The default value is null.</summary>
    public TraceEvidence? Evidence { get; init; }
}
