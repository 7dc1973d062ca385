namespace Planner.Core.Traces;

/// <summary>A source that reports what another source has read (its name, format, counts, rejections, progress and
/// assumptions) while it decides how rows are handed out: a wrapper that owns a stream beside the reader, or one of
/// several consumers of the same read. Only <see cref="TryRead"/>, <see cref="GroupOf"/> and <see cref="Dispose"/> are
/// its own.</summary>
/// <param name="source">The source whose read this one reports.</param>
public abstract class UsageSourceView(IUsageSource source) : IUsageSource
{
    /// <summary>The source whose read this one reports.</summary>
    protected IUsageSource Source { get; } = source;

    /// <inheritdoc />
    public string Path => Source.Path;

    /// <inheritdoc />
    public string Format => Source.Format;

    /// <inheritdoc />
    public long RowsRead => Source.RowsRead;

    /// <inheritdoc />
    public long RowsPriced => Source.RowsPriced;

    /// <inheritdoc />
    public TraceRejections Rejections => Source.Rejections;

    /// <inheritdoc />
    public long FileLength => Source.FileLength;

    /// <inheritdoc />
    public long BytePosition => Source.BytePosition;

    /// <inheritdoc />
    public bool ConvertedAudioSeconds => Source.ConvertedAudioSeconds;

    /// <inheritdoc />
    public IReadOnlyList<string> Assumptions => Source.Assumptions;

    /// <inheritdoc />
    public abstract bool TryRead(out TraceRequest request);

    /// <inheritdoc />
    public abstract string? GroupOf(UsageGroupBy by);

    /// <inheritdoc />
    public abstract void Dispose();
}
