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

    /// <summary>How many chunks (about equal in bytes). The default value is <see cref="Environment.ProcessorCount"/>; must be >= 1.</summary>
    public int Chunks { get; init; } = Environment.ProcessorCount;

    /// <summary>When true, every line is a chunk of its own (for tests: every boundary is exercised). The default value is false.</summary>
    public bool AtEveryLine { get; init; }

    /// <summary>How many chunks run at once. The default value is <see cref="Environment.ProcessorCount"/>; must be >= 1.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
}
