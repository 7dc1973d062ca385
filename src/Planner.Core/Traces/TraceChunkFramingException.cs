namespace Planner.Core.Traces;

/// <summary>A record too long to frame inside a chunk (<see cref="TraceChunks"/>): its line is counted from the chunk's
/// start, so the chunked read rethrows it as a <see cref="PlannerException"/> once it knows the line in the file.</summary>
internal sealed class TraceChunkFramingException(long lineInChunk) : Exception("a record too long to frame in a trace chunk")
{
    /// <summary>The record's line, counted from the chunk's first line (0 when unknown).</summary>
    public long LineInChunk { get; } = lineInChunk;
}
