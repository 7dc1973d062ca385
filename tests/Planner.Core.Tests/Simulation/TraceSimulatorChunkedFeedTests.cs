using Planner.Core.Traces;

namespace Planner.Core.Tests.Simulation;

/// <summary>Every test of <see cref="TraceSimulatorTests"/>, with the trace parsed in chunks on every core and fed to the
/// simulator in file order (<see cref="TraceChunkFeed"/>), every line its own chunk so that every row crosses a boundary.</summary>
public sealed class TraceSimulatorChunkedFeedTests : TraceSimulatorTests
{
    protected override TraceChunking Feed { get; } = new() { FromBytes = 0, AtEveryLine = true };
}
