using Microsoft.Win32.SafeHandles;

namespace Planner.Core.Traces;

/// <summary>The bytes <c>[start, end)</c> of an open file as a read-only stream, read with positioned reads (so several
/// chunks share one handle across threads). The chunk's reader counts its line breaks (<see cref="TraceReader.LineBreaks"/>).</summary>
internal sealed class TraceChunkStream : ForwardReadStream
{
    private readonly SafeFileHandle _file;
    private readonly long _start;
    private readonly long _end;
    private long _position;

    public TraceChunkStream(SafeFileHandle file, long start, long end)
    {
        _file = file;
        _start = start;
        _end = end;
        _position = start;
    }

    /// <summary>Bytes read so far.</summary>
    public long BytesRead => _position - _start;

    public override long Length => _end - _start;

    public override long Position
    {
        get => _position - _start;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        long left = _end - _position;
        if (left <= 0 || buffer.IsEmpty)
        {
            return 0;
        }

        if (buffer.Length > left)
        {
            buffer = buffer[..(int)left];
        }

        int read = RandomAccess.Read(_file, buffer, _position);
        _position += read;
        return read;
    }
}
