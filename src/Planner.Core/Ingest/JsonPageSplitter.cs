using System.Buffers;

namespace Planner.Core.Ingest;

/// <summary>Splits a stream of top-level JSON values (one page, JSONL of pages, or pretty-printed pages one after another)
/// into one value at a time, with the line its first byte is on, so a reader holds one page and never the whole input.
/// Braces and brackets are counted outside strings (escape-aware) and comments; whitespace between values is skipped and
/// its lines counted. A value that does not end (a truncated last page) or does not start with <c>{</c> or <c>[</c> is
/// handed out as it stands (to the end of the input, or of its line) so the parser reports it in its own words.</summary>
/// <remarks>Memory is one pooled buffer that grows (doubling) only while a single value does not fit: it stays under
/// twice the largest page. A value over <see cref="DefaultMaxPageBytes"/> is refused rather than grown without bound.
/// The stream is read once, in order, and not disposed here.</remarks>
internal sealed class JsonPageSplitter : IDisposable
{
    /// <summary>The largest page accepted: 256 MiB (a Usage API page holds at most 1,440 1m buckets, a few MB).</summary>
    public const int DefaultMaxPageBytes = 256 << 20;

    private const int InitialBytes = 64 << 10;

    private static readonly SearchValues<byte> Structural = SearchValues.Create("{}[]\"/"u8);
    private static readonly SearchValues<byte> InString = SearchValues.Create("\"\\"u8);

    private readonly Stream _stream;
    private readonly string _name;
    private readonly bool _comments;
    private readonly int _maxPageBytes;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private long _before;
    private long _line = 1;
    private long _pageLine;
    private bool _eof;
    private bool _atStart = true;

    /// <summary>Splits <paramref name="stream"/>, named <paramref name="name"/> in messages; <paramref name="comments"/>
    /// skips <c>//</c> and <c>/* */</c> comments between values (inside one, they never count as braces either way).</summary>
    public JsonPageSplitter(Stream stream, string name, bool comments, int maxPageBytes = DefaultMaxPageBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPageBytes, 16);
        _stream = stream;
        _name = name;
        _comments = comments;
        _maxPageBytes = maxPageBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBytes, maxPageBytes));
    }

    private enum State
    {
        Normal,
        String,
        Escape,
        Slash,
        LineComment,
        BlockComment,
        BlockStar,
    }

    /// <summary>The buffer's size in bytes (it grows only to hold the largest page).</summary>
    internal int BufferCapacity => _buffer.Length;

    /// <summary>Bytes of the stream handed out or skipped so far.</summary>
    public long Position => _before + _start;

    /// <summary>The next top-level value, valid until the next call, and the line its first byte is on.</summary>
    /// <returns>False at the end of the stream (only whitespace or comments left).</returns>
    /// <exception cref="PlannerException">"NAME:LINE: page: ..." for a value larger than the largest page accepted.</exception>
    public bool TryNext(out ReadOnlyMemory<byte> page, out long firstLine)
    {
        if (!SkipBetween())
        {
            page = default;
            firstLine = _line;
            return false;
        }

        _pageLine = _line;
        int end = _buffer[_start] is (byte)'{' or (byte)'[' ? ScanContainer() : ScanLine();
        page = _buffer.AsMemory(_start, end - _start);
        firstLine = _pageLine;
        _line += page.Span.Count((byte)'\n');
        _start = end;
        return true;
    }

    public void Dispose()
    {
        byte[] buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Skips whitespace (and, when asked, comments) to the next value's first byte.</summary>
    private bool SkipBetween()
    {
        int unused = 0;
        while (true)
        {
            if (_start >= _end && !Fill(ref unused))
            {
                return false;
            }

            if (_atStart)
            {
                // A UTF-8 byte order mark before the first value.
                while (_end - _start < 3 && Fill(ref unused))
                {
                }

                if (_buffer.AsSpan(_start, _end - _start).StartsWith("\uFEFF"u8))
                {
                    _start += 3;
                }

                _atStart = false;
                continue;
            }

            byte b = _buffer[_start];
            if (b == (byte)'\n')
            {
                _line++;
                _start++;
            }
            else if (b is (byte)' ' or (byte)'\t' or (byte)'\r')
            {
                _start++;
            }
            else if (b == (byte)'/' && _comments && SkipComment())
            {
                continue;
            }
            else
            {
                return true;
            }
        }
    }

    /// <summary>Skips the comment at <see cref="_start"/> (counting its lines); false when it is not one or does not end,
    /// so the parser reports it.</summary>
    private bool SkipComment()
    {
        int i = _start + 1;
        if (i >= _end && !Fill(ref i))
        {
            return false;
        }

        byte kind = _buffer[i++];
        if (kind is not ((byte)'/' or (byte)'*'))
        {
            return false;
        }

        bool star = false;
        while (true)
        {
            if (i >= _end)
            {
                if (!Fill(ref i))
                {
                    return kind == (byte)'/' && Skip(i);
                }

                continue;
            }

            byte b = _buffer[i];
            if (kind == (byte)'/')
            {
                if (b == (byte)'\n')
                {
                    return Skip(i);
                }
            }
            else if (star && b == (byte)'/')
            {
                return Skip(i + 1);
            }
            else
            {
                star = b == (byte)'*';
            }

            i++;
        }
    }

    private bool Skip(int to)
    {
        _line += _buffer.AsSpan(_start, to - _start).Count((byte)'\n');
        _start = to;
        return true;
    }

    /// <summary>The end (exclusive) of the object or array at <see cref="_start"/>, or of the input when it does not end.</summary>
    private int ScanContainer()
    {
        int i = _start + 1;
        int depth = 1;
        var state = State.Normal;
        while (true)
        {
            if (i >= _end)
            {
                if (!Fill(ref i))
                {
                    return _end;
                }

                continue;
            }

            int found;
            byte b;
            switch (state)
            {
                case State.Normal:
                    found = _buffer.AsSpan(i, _end - i).IndexOfAny(Structural);
                    if (found < 0)
                    {
                        i = _end;
                        break;
                    }

                    i += found;
                    b = _buffer[i++];
                    if (b is (byte)'{' or (byte)'[')
                    {
                        depth++;
                    }
                    else if (b is (byte)'}' or (byte)']')
                    {
                        if (--depth == 0)
                        {
                            return i;
                        }
                    }
                    else
                    {
                        state = b == (byte)'"' ? State.String : State.Slash;
                    }

                    break;
                case State.String:
                    found = _buffer.AsSpan(i, _end - i).IndexOfAny(InString);
                    if (found < 0)
                    {
                        i = _end;
                        break;
                    }

                    i += found;
                    state = _buffer[i++] == (byte)'"' ? State.Normal : State.Escape;
                    break;
                case State.Escape:
                    i++;
                    state = State.String;
                    break;
                case State.Slash:
                    b = _buffer[i];
                    state = b == (byte)'/' ? State.LineComment : b == (byte)'*' ? State.BlockComment : State.Normal;
                    if (state != State.Normal)
                    {
                        i++;
                    }

                    break;
                case State.LineComment:
                    found = _buffer.AsSpan(i, _end - i).IndexOf((byte)'\n');
                    i = found < 0 ? _end : i + found + 1;
                    state = found < 0 ? State.LineComment : State.Normal;
                    break;
                case State.BlockComment:
                    found = _buffer.AsSpan(i, _end - i).IndexOf((byte)'*');
                    i = found < 0 ? _end : i + found + 1;
                    state = found < 0 ? State.BlockComment : State.BlockStar;
                    break;
                default:
                    b = _buffer[i++];
                    state = b == (byte)'/' ? State.Normal : b == (byte)'*' ? State.BlockStar : State.BlockComment;
                    break;
            }
        }
    }

    /// <summary>The end of the line (or input) of a value that is not an object or array: the parser only needs its first token.</summary>
    private int ScanLine()
    {
        int i = _start;
        while (true)
        {
            int found = _buffer.AsSpan(i, _end - i).IndexOf((byte)'\n');
            if (found >= 0)
            {
                return i + found;
            }

            i = _end;
            if (!Fill(ref i))
            {
                return _end;
            }
        }
    }

    /// <summary>Reads more of the stream after <see cref="_end"/>, first moving the unread bytes to the front or, when a
    /// value fills the buffer, doubling it; <paramref name="index"/> follows the bytes it points at.</summary>
    /// <returns>False at the end of the stream.</returns>
    private bool Fill(ref int index)
    {
        if (_eof)
        {
            return false;
        }

        if (_start > 0)
        {
            int kept = _end - _start;
            _buffer.AsSpan(_start, kept).CopyTo(_buffer);
            _before += _start;
            index -= _start;
            _end = kept;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= _maxPageBytes)
            {
                throw new PlannerException(PlannerErrorKind.InvalidTrace,
                    $"{_name}:{_pageLine}: page: over {Size(_maxPageBytes)} without ending; an API page holds at most its limit of buckets (for usage: 31 1d, 168 1h or 1,440 1m), a few MB: save each page as its own JSON object");
            }

            byte[] grown = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, _maxPageBytes));
            _buffer.AsSpan(0, _end).CopyTo(grown);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = grown;
        }

        int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
            return false;
        }

        _end += read;
        return true;
    }

    private static string Size(int bytes) => bytes >= 1 << 20 ? $"{bytes >> 20:N0} MiB" : $"{bytes:N0} bytes";
}
