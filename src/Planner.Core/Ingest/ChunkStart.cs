namespace Planner.Core.Ingest;

/// <summary>What a chunk's reader knows of the lines before its chunk (<see cref="JsonLinesChunks"/>).</summary>
/// <param name="Untimed">How many lines without a timestamp came before it, or null when not yet known (a chunk read
/// at the same time as the ones before it: the first such line stops it, to be read again once the count is known).</param>
internal readonly record struct ChunkStart(long? Untimed);
