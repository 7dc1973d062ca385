namespace Planner.Core.Traces;

/// <summary>How a large CSV trace is split into line-aligned chunks read on several cores (<see cref="TraceChunks"/>).
/// Standard input, files under <see cref="FromBytes"/> and the other usage formats are read sequentially.</summary>
public sealed record TraceChunking
{
    /// <summary>The smallest file read in chunks. The value is 4 MiB (about 40,000 rows): below it, starting the
    /// readers costs more than the second core saves.</summary>
    public const long DefaultFromBytes = 4L << 20;

    /// <summary>Chunks on all cores from <see cref="DefaultFromBytes"/> (the default).</summary>
    public static TraceChunking Default { get; } = new();

    /// <summary>Never in chunks: one reader from the first line to the last.</summary>
    public static TraceChunking Sequential { get; } = new() { FromBytes = long.MaxValue };

    /// <summary>Files of at least this many bytes are read in chunks. The default value is <see cref="DefaultFromBytes"/>.</summary>
    public long FromBytes { get; init; } = DefaultFromBytes;

    /// <summary>How many chunks (about equal in bytes) at least: a CSV trace is cut into more when its chunks would be larger
    /// than <see cref="MaxChunkBytes"/>. The default value is <see cref="Environment.ProcessorCount"/>; must be >= 1.</summary>
    public int Chunks { get; init; } = Environment.ProcessorCount;

    /// <summary>The largest chunk, in bytes, when that makes more chunks than <see cref="Chunks"/>. The default value is
    /// <see cref="DefaultMaxChunkBytes"/>.</summary>
    public long MaxChunkBytes { get; init; } = DefaultMaxChunkBytes;

    /// <summary>The default <see cref="MaxChunkBytes"/>: 16 MiB (about 230,000 rows, some 20 ms of a core). The chunks are
    /// taken by the cores in file order, so a core slowed by other work (the JIT's background thread at the start, another
    /// process) takes fewer of them, and at the end one waits for at most one small chunk, not half of the file.</summary>
    public const long DefaultMaxChunkBytes = 16L << 20;

    /// <summary>When true, every line is a chunk of its own (for tests: every boundary is exercised). The default value is false.</summary>
    public bool AtEveryLine { get; init; }

    /// <summary>How many chunks run at once. The default value is <see cref="Environment.ProcessorCount"/>; must be >= 1.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
}
