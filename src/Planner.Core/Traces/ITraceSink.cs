namespace Planner.Core.Traces;

/// <summary>Something that consumes valid trace rows in time order (cost totals, a simulator).</summary>
public interface ITraceSink
{
    /// <summary>Takes one valid, priced row.</summary>
    void Add(in TraceRequest request);
}
