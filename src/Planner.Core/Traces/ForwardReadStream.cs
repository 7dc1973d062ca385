namespace Planner.Core.Traces;

/// <summary>A stream read once, forwards, never sought or written: the base of the reading-side wrappers (a chunk of a
/// file, a peeked head, a spooling copy, a byte-order-mark rejoin). A subclass gives only <see cref="Read(Span{byte})"/>,
/// and <see cref="Length"/> or <see cref="Position"/> when it knows them.</summary>
internal abstract class ForwardReadStream : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public abstract override int Read(Span<byte> buffer);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
