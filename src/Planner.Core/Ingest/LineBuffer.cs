using System.Buffers;

namespace Planner.Core.Ingest;

/// <summary>Splits a stream into lines over one pooled buffer that grows only to the longest line.</summary>
internal sealed class LineBuffer : IDisposable
{
    /// <summary>The longest line accepted (64 MiB): beyond it the file is not a log of usage lines.</summary>
    public const int MaxLineBytes = 64 << 20;

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;

    public LineBuffer(Stream stream, int size = 1 << 20)
    {
        _stream = stream;
        _buffer = ArrayPool<byte>.Shared.Rent(size);
    }

    /// <summary>The 1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Bytes consumed so far.</summary>
    public long Position { get; private set; }

    /// <summary>The next line without its line ending; false at the end.</summary>
    /// <exception cref="LineTooLongException">A line longer than <see cref="MaxLineBytes"/>.</exception>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            int newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = Take(newline, newline + 1);
                return true;
            }

            if (_eof)
            {
                if (_start == _end)
                {
                    line = default;
                    return false;
                }

                line = Take(_end - _start, _end - _start);
                return true;
            }

            Fill();
        }
    }

    private ReadOnlySpan<byte> Take(int length, int consumed)
    {
        var line = _buffer.AsSpan(_start, length);
        if (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        _start += consumed;
        Position += consumed;
        LineNumber++;
        return line;
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxLineBytes)
            {
                throw new LineTooLongException(LineNumber + 1, $"longer than {MaxLineBytes >> 20} MiB; not a log of usage lines");
            }

            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }

    public void Dispose()
    {
        _stream.Dispose();
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }
}
