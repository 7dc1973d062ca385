namespace Planner.Core.Traces;

/// <summary>A sink that takes the chunked feed's rows a chunk at a time (<see cref="TraceChunkFeed"/>): one call a chunk
/// instead of one a row, so its own loop over the rows is compiled with everything inlined, and it is handed the chunk's
/// cost sums, worked out by the parser that read the chunk (on any core) instead of a second time by the sink.</summary>
internal interface ITraceChunkSink : ITraceSink
{
    /// <summary>Takes the valid rows of one chunk, in file order: <paramref name="rows"/>[0..<paramref name="count"/>).
    /// Each row's line is its line in the chunk plus <paramref name="linesBefore"/> (0 when already moved): the sink moves
    /// it (<see cref="TraceChunkFeed.MoveLine"/>) before it reads the row's line. Several sinks may read the same rows at
    /// once (their lines then already moved); a sink changes a row only to move its line.
    /// <paramref name="costs"/> holds the exact sums of exactly these rows (<see cref="TraceCosts.Add(in TraceRequest)"/>
    /// of each, in order), already settled: it may be read by several sinks at once, and must not be changed.</summary>
    void AddChunk(TraceRequest[] rows, int count, long linesBefore, TraceCosts costs);
}
