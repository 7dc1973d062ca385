namespace Planner.Core.Ingest;

/// <summary>A line longer than <see cref="LineBuffer.MaxLineBytes"/>: its reader names the file (a chunk's reader first
/// moves the line to its place in the file).</summary>
internal sealed class LineTooLongException(long line, string message) : Exception(message)
{
    /// <summary>The line's number, counted from the start of what the buffer reads.</summary>
    public long Line { get; } = line;
}
