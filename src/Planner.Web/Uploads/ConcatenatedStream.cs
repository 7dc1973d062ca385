namespace Planner.Web.Uploads;

/// <summary>Two streams read one after the other (the sniffed head, then the rest of the upload).</summary>
internal sealed class ConcatenatedStream(Stream first, Stream second) : Stream
{
    private bool _onSecond;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (!_onSecond)
        {
            int read = first.Read(buffer);
            if (read > 0)
            {
                return read;
            }

            _onSecond = true;
        }

        return second.Read(buffer);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            first.Dispose();
        }

        base.Dispose(disposing);
    }
}
