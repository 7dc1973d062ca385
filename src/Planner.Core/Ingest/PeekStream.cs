using Planner.Core.Traces;

namespace Planner.Core.Ingest;

/// <summary>A read-only stream whose first bytes were read ahead into a buffer (<see cref="Head"/>, for detecting the
/// format) and are read again, then the rest of the inner stream: the inner stream is read once, in order, never sought.</summary>
internal sealed class PeekStream : ForwardReadStream
{
    private readonly Stream _inner;
    private readonly byte[] _head;
    private readonly int _headLength;
    private int _headRead;
    private long _position;

    /// <summary>Reads up to <paramref name="headBytes"/> from <paramref name="inner"/> (fewer only at its end).</summary>
    public PeekStream(Stream inner, int headBytes)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _head = new byte[headBytes];
        _headLength = inner.ReadAtLeast(_head, headBytes, throwOnEndOfStream: false);
    }

    /// <summary>The first bytes of the stream.</summary>
    public ReadOnlySpan<byte> Head => _head.AsSpan(0, _headLength);

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(Span<byte> buffer)
    {
        int read;
        if (_headRead < _headLength)
        {
            read = Math.Min(buffer.Length, _headLength - _headRead);
            _head.AsSpan(_headRead, read).CopyTo(buffer);
            _headRead += read;
        }
        else
        {
            read = _inner.Read(buffer);
        }

        _position += read;
        return read;
    }


    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
