using Planner.Core.Calls;

namespace Planner.Web.Adapters;

/// <summary>ADAPTER: the Calls page's inputs (until contract-a's <c>CallQuery</c>/<c>CapacityQuery</c> are wired).</summary>
public sealed record CallInputs(string Model, CallShape Shape, CallOptions Options, long CallsPerDay, decimal? ConcurrentCalls, DateTimeOffset At)
{
    /// <summary>The model of a first visit.</summary>
    public const string DefaultModel = "gpt-realtime-2.1-mini";
}
