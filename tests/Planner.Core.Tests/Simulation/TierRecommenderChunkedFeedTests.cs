using Planner.Core.Traces;

namespace Planner.Core.Tests.Simulation;

/// <summary>Every test of <see cref="TierRecommenderTests"/>, with the trace parsed in three chunks on every core and fed to
/// the tiers' simulators in file order (<see cref="TraceChunkFeed"/>).</summary>
public sealed class TierRecommenderChunkedFeedTests : TierRecommenderTests
{
    protected override TraceChunking Feed { get; } = new() { FromBytes = 0, Chunks = 3 };
}
