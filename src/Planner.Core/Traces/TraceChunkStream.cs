using Microsoft.Win32.SafeHandles;

namespace Planner.Core.Traces;

/// <summary>The bytes <c>[start, end)</c> of an open file as a read-only stream, read with positioned reads (so several
/// chunks share one handle across threads), counting the line breaks that pass through the way CsvHelper counts them:
/// CR, LF and CR LF each once.</summary>
internal sealed class TraceChunkStream : Stream
{
    private readonly SafeFileHandle _file;
    private readonly long _start;
    private readonly long _end;
    private long _position;
    private long _lineFeeds;
    private long _carriageReturns;
    private long _pairs;
    private bool _endedWithCr;

    public TraceChunkStream(SafeFileHandle file, long start, long end)
    {
        _file = file;
        _start = start;
        _end = end;
        _position = start;
    }

    /// <summary>Line breaks in the bytes read so far (all of the chunk once it has been read to its end).</summary>
    public long LineBreaks => _lineFeeds + _carriageReturns - _pairs;

    /// <summary>Bytes read so far.</summary>
    public long BytesRead => _position - _start;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _end - _start;

    public override long Position
    {
        get => _position - _start;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

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
        Count(buffer[..read]);
        return read;
    }

    private void Count(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        _lineFeeds += bytes.Count((byte)'\n');
        int crs = bytes.Count((byte)'\r');
        if (crs > 0 || _endedWithCr)
        {
            _carriageReturns += crs;
            if (_endedWithCr && bytes[0] == (byte)'\n')
            {
                _pairs++;
            }

            for (int i = bytes.IndexOf((byte)'\r'); i >= 0 && i + 1 < bytes.Length; i = NextCr(bytes, i + 1))
            {
                if (bytes[i + 1] == (byte)'\n')
                {
                    _pairs++;
                }
            }
        }

        _endedWithCr = bytes[^1] == (byte)'\r';
    }

    private static int NextCr(ReadOnlySpan<byte> bytes, int from)
    {
        int next = bytes[from..].IndexOf((byte)'\r');
        return next < 0 ? -1 : from + next;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
