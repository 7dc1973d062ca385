using Planner.Core.Traces;

namespace Planner.Core.Ingest;

/// <summary>A read-only stream over <c>inner</c> that writes every byte it reads to <c>spool</c>, so a stream read once
/// (an upload, standard input) can be read again from the spool. Neither stream is disposed here.</summary>
internal sealed class SpoolingStream(Stream inner, Stream spool) : ForwardReadStream
{
    private long _position;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(Span<byte> buffer)
    {
        int read = inner.Read(buffer);
        spool.Write(buffer[..read]);
        _position += read;
        return read;
    }
}
