namespace Planner.Core.Ingest;

/// <summary>A read-only stream over <c>inner</c> that writes every byte it reads to <c>spool</c>, so a stream read once
/// (an upload, standard input) can be read again from the spool. Neither stream is disposed here.</summary>
internal sealed class SpoolingStream(Stream inner, Stream spool) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read = inner.Read(buffer);
        spool.Write(buffer[..read]);
        _position += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
