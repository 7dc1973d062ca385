using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Planner.Core.Traces;

/// <summary>Planner's own reader of the records of a CSV trace (docs/trace-format.md): one record per line (CR, LF or
/// CR LF), fields split at commas, RFC 4180 quoting inside a line (<c>"a,b"</c>, <c>""</c> for a quote), read straight from
/// UTF-8 bytes in a pooled buffer. Empty lines are skipped (and counted); a UTF-8 byte-order mark at the start is skipped,
/// and UTF-16 or UTF-32 text (by its mark) is transcoded to UTF-8.</summary>
/// <remarks>
/// <para>The fast path is for plain fields: 32 bytes at a time are compared with ',', LF, CR and '"' at once (one vector
/// compare each), and the set bits of the mask are the field ends, carried from one record to the next. A record with a
/// quote anywhere goes to <see cref="ParseQuoted"/>, a byte-by-byte parser that unquotes the fields in place (an unquoted
/// field is never longer than its quoted form) and reports malformed quoting; a line break always ends a record, so one
/// stray quote cannot swallow the lines after it.</para>
/// <para>A field is the bytes from the end of the previous one (plus its comma) to its own end, so a record costs one
/// <see cref="int"/> per field. A record longer than <see cref="TraceReader.MaxRecordBytes"/> throws
/// <see cref="TraceChunkFramingException"/> with its line; the buffer grows to hold a record up to that length.</para>
/// </remarks>
internal sealed class TraceCsvScanner : IDisposable
{
    /// <summary>Bytes after the data that a 32-byte window may read (masked off); the row parser also reads a field's first 8
    /// bytes as one word (<c>TraceReader.ParseCount</c>), which these keep inside the buffer.</summary>
    internal const int Padding = 64;

    private const int Window = 32;

    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private Stream _source;
    private byte[] _buffer;
    private int _capacity;
    private int _length;
    private int _next;
    private bool _eof;
    private bool _started;
    private long _before;
    private long _lineBreaks;
    private int[] _ends = new int[64];
    private int _window;
    private uint _mask;

    /// <summary>Reads the records of <paramref name="stream"/> with a buffer of about <paramref name="bufferSize"/> bytes;
    /// <paramref name="ownsStream"/> closes it on <see cref="Dispose"/>.</summary>
    public TraceCsvScanner(Stream stream, bool ownsStream, int bufferSize = 1 << 20)
    {
        _stream = stream;
        _source = stream;
        _ownsStream = ownsStream;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(bufferSize, 4096));
        _capacity = _buffer.Length - Padding;
        _window = -Window;
    }

    /// <summary>The line the current record is on (1-based, counting every line break before it, empty lines included).</summary>
    public long LineNumber { get; private set; }

    /// <summary>Line breaks (CR, LF or CR LF, each once) read so far: all of the input's once it has been read to its end.</summary>
    public long LineBreaks => _lineBreaks;

    /// <summary>The current record's fields.</summary>
    public int FieldCount { get; private set; }

    /// <summary>The current record's length in bytes, without its line break.</summary>
    public int RecordLength { get; private set; }

    /// <summary>Where the current record starts, in bytes from the start of the input (after a transcoding, of the UTF-8).</summary>
    public long ByteOffset => _before + RecordStart;

    /// <summary>The first quoting problem of the current record, or <see cref="TraceQuoting.Valid"/>.</summary>
    public TraceQuoting Quoting { get; private set; }

    /// <summary>True when the current record's quoting is broken (not closed on its line, or text after a closing quote).</summary>
    public bool IsMalformed => Quoting is TraceQuoting.Unclosed or TraceQuoting.TextAfterClosingQuote;

    /// <summary>The field where <see cref="Quoting"/> went wrong (0-based).</summary>
    public int QuotingField { get; private set; }

    private int RecordStart { get; set; }

    /// <summary>Field <paramref name="index"/> of the current record (unquoted); valid until the next <see cref="Read"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> Field(int index)
    {
        // Unchecked: the ends are offsets in the buffer (below 2^31), so neither +1 nor the difference can overflow.
        int end = _ends[index];
        int start = index == 0 ? RecordStart : unchecked(_ends[index - 1] + 1);
        return new ReadOnlySpan<byte>(_buffer, start, unchecked(end - start));
    }

    /// <summary><see cref="Field"/> without its checks, for the row parser, which has checked that <paramref name="index"/>
    /// is below <see cref="FieldCount"/>: the ends are offsets in the buffer written by <see cref="Read"/>, so the span is
    /// inside it and the two bounds checks of a checked span (and the one of the ends) are not needed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ReadOnlySpan<byte> FieldOfCurrent(int index)
    {
        System.Diagnostics.Debug.Assert((uint)index < (uint)FieldCount, "the caller checks the record's field count");
        ref int ends = ref MemoryMarshal.GetArrayDataReference(_ends);
        int end = Unsafe.Add(ref ends, index);
        int start = index == 0 ? RecordStart : unchecked(Unsafe.Add(ref ends, index - 1) + 1);
        return MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_buffer), start), unchecked(end - start));
    }

    /// <summary>Moves to the next record, skipping empty lines.</summary>
    /// <returns>False at the end of the input.</returns>
    /// <exception cref="TraceChunkFramingException">A record longer than <see cref="TraceReader.MaxRecordBytes"/>.</exception>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public bool Read()
    {
        // Unchecked: every index here is an offset in the buffer (below 2^31) and the field count is bounded by its length;
        // the project-wide overflow checks cost a compare and branch on each of them in the hottest loop of the read.
        unchecked
        {
            if (!_started)
            {
                Start();
            }

            while (true)
            {
                int start = _next;
                int n = 0;
                int[] ends = _ends;
                byte[] buffer = _buffer;
                int window = _window;
                uint mask = _mask;
                int i;
                int next;
                while (true)
                {
                    while (mask == 0)
                    {
                        window += Window;
                        if (window >= _length)
                        {
                            goto EndOfData;
                        }

                        mask = Specials(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(buffer), window));
                        int valid = _length - window;
                        if (valid < Window)
                        {
                            mask &= (1u << valid) - 1;
                        }
                    }

                    i = window + BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    // Not bounds-checked: i is a set bit of a window's mask, and bits at or past _length are masked off.
                    byte c = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(buffer), i);
                    if (c == (byte)',')
                    {
                        if (n == ends.Length)
                        {
                            ends = GrowEnds();
                        }

                        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ends), n++) = i; // n < ends.Length: just checked
                        continue;
                    }

                    if (c == (byte)'"')
                    {
                        goto Quoted;
                    }

                    next = i + 1;
                    if (c == (byte)'\r')
                    {
                        if (next == _length && !_eof)
                        {
                            goto NeedMore;
                        }

                        if (next < _length && buffer[next] == (byte)'\n')
                        {
                            next++;
                            int bit = next - 1 - window;
                            if (bit < Window)
                            {
                                mask &= ~(1u << bit);
                            }
                            else
                            {
                                window = next - Window;
                                mask = 0;
                            }
                        }
                    }

                    break;
                }

                _window = window;
                _mask = mask;
                LineNumber = _lineBreaks + 1;
                _lineBreaks++;
                _next = next;
                if (i == start && n == 0)
                {
                    continue; // an empty line
                }

                if (n == ends.Length)
                {
                    ends = GrowEnds();
                }

                ends[n++] = i;
                return Record(start, i, n, TraceQuoting.Valid, 0);

            Quoted:
                if (!QuotedRecord(start))
                {
                    goto NeedMore;
                }

                return true;

            EndOfData:
                if (!_eof)
                {
                    goto NeedMore;
                }

                if (start >= _length)
                {
                    _window = _length - Window;
                    _mask = 0;
                    return false;
                }

                // The last record, without a line break.
                _window = _length - Window;
                _mask = 0;
                _next = _length;
                LineNumber = _lineBreaks + 1;
                if (n == ends.Length)
                {
                    ends = GrowEnds();
                }

                ends[n++] = _length;
                return Record(start, _length, n, TraceQuoting.Valid, 0);

            NeedMore:
                if (_length - start > TraceReader.MaxRecordBytes)
                {
                    LineNumber = _lineBreaks + 1;
                    throw TooLong();
                }

                Refill(start);
            }
        }
    }

    /// <summary>The header's fields as text (the current record's, read as the first).</summary>
    public string[] FieldsAsText()
    {
        var fields = new string[FieldCount];
        for (int i = 0; i < fields.Length; i++)
        {
            fields[i] = Encoding.UTF8.GetString(Field(i));
        }

        return fields;
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            _capacity = 0;
        }

        if (!ReferenceEquals(_source, _stream))
        {
            _source.Dispose();
        }

        if (_ownsStream)
        {
            _stream.Dispose();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Specials(ref byte at)
    {
        var bytes = Vector256.LoadUnsafe(ref at);
        var hits = Vector256.Equals(bytes, Vector256.Create((byte)',')) | Vector256.Equals(bytes, Vector256.Create((byte)'\n')) |
            Vector256.Equals(bytes, Vector256.Create((byte)'\r')) | Vector256.Equals(bytes, Vector256.Create((byte)'"'));
        return hits.ExtractMostSignificantBits();
    }

    private bool Record(int start, int end, int fields, TraceQuoting quoting, int quotingField)
    {
        RecordStart = start;
        FieldCount = fields;
        Quoting = quoting;
        QuotingField = quotingField;
        RecordLength = end - start;
        if (end - start > TraceReader.MaxRecordBytes)
        {
            throw TooLong();
        }

        return true;
    }

    /// <summary>The record at <paramref name="start"/>, which has a quote: found to its line break, then parsed byte by byte.</summary>
    /// <returns>False when its line break (or the byte after a CR) is not in the buffer yet.</returns>
    private bool QuotedRecord(int start)
    {
        var rest = _buffer.AsSpan(start, _length - start);
        int at = rest.IndexOfAny((byte)'\n', (byte)'\r');
        int end;
        int next;
        if (at < 0)
        {
            if (!_eof)
            {
                return false;
            }

            end = _length;
            next = _length;
        }
        else
        {
            end = start + at;
            next = end + 1;
            if (_buffer[end] == (byte)'\r')
            {
                if (next == _length && !_eof)
                {
                    return false;
                }

                if (next < _length && _buffer[next] == (byte)'\n')
                {
                    next++;
                }
            }
        }

        LineNumber = _lineBreaks + 1;
        if (at >= 0)
        {
            _lineBreaks++;
        }

        _next = next;
        _window = next - Window;
        _mask = 0;
        if (end - start > TraceReader.MaxRecordBytes)
        {
            throw TooLong();
        }

        var (fields, quoting, field) = ParseQuoted(start, end);
        return Record(start, end, fields, quoting, field);
    }

    /// <summary>Splits and unquotes the line <c>[start, end)</c> in place: field i's text ends up just before <c>_ends[i]</c>,
    /// starting after <c>_ends[i - 1]</c>. Quoting is RFC 4180's, within one line: a field that starts with a quote runs to
    /// the closing quote (<c>""</c> is a quote); a quote inside a field that does not start with one is text.</summary>
    private (int Fields, TraceQuoting Quoting, int Field) ParseQuoted(int start, int end)
    {
        byte[] b = _buffer;
        var quoting = TraceQuoting.Valid;
        int quotingField = 0;
        int n = 0;
        int i = start;
        int w = start;
        while (true)
        {
            if (i < end && b[i] == (byte)'"')
            {
                i++;
                bool closed = false;
                while (i < end)
                {
                    if (b[i] == (byte)'"')
                    {
                        if (i + 1 < end && b[i + 1] == (byte)'"')
                        {
                            b[w++] = (byte)'"';
                            i += 2;
                            continue;
                        }

                        i++;
                        closed = true;
                        break;
                    }

                    b[w++] = b[i++];
                }

                if (!closed)
                {
                    if (quoting == TraceQuoting.Valid)
                    {
                        (quoting, quotingField) = (TraceQuoting.Unclosed, n);
                    }

                    Add(ref n, w);
                    break;
                }

                if (i < end && b[i] != (byte)',')
                {
                    if (quoting == TraceQuoting.Valid)
                    {
                        (quoting, quotingField) = (TraceQuoting.TextAfterClosingQuote, n);
                    }

                    while (i < end && b[i] != (byte)',')
                    {
                        b[w++] = b[i++];
                    }
                }
            }
            else
            {
                while (i < end && b[i] != (byte)',')
                {
                    if (b[i] == (byte)'"' && quoting == TraceQuoting.Valid)
                    {
                        (quoting, quotingField) = (TraceQuoting.StrayQuote, n);
                    }

                    b[w++] = b[i++];
                }
            }

            Add(ref n, w);
            if (i >= end)
            {
                break;
            }

            i++;
            w++;
        }

        return (n, quoting, quotingField);
    }

    private void Add(ref int n, int end)
    {
        if (n == _ends.Length)
        {
            GrowEnds();
        }

        _ends[n++] = end;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int[] GrowEnds()
    {
        Array.Resize(ref _ends, _ends.Length * 2);
        return _ends;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private TraceChunkFramingException TooLong() => new(LineNumber);

    /// <summary>Keeps the bytes from <paramref name="start"/> (a record not yet whole), moved to the front of the buffer (grown
    /// when the record fills it), and reads more after them; at the end of the input sets <see cref="_eof"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Refill(int start)
    {
        int keep = _length - start;
        if (start == 0 && keep >= _capacity)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, TraceReader.MaxRecordBytes + 2 + Padding));
            _buffer.AsSpan(0, keep).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
            _capacity = larger.Length - Padding;
        }
        else if (start > 0)
        {
            _buffer.AsSpan(start, keep).CopyTo(_buffer);
        }

        _before += start;
        _length = keep;
        _next = 0;
        int read = _source.Read(_buffer, _length, _capacity - _length);
        if (read <= 0)
        {
            _eof = true;
        }

        _length += Math.Max(read, 0);
        _window = -Window;
        _mask = 0;
    }

    /// <summary>The first read: a UTF-16 or UTF-32 mark switches to a transcoding stream; a UTF-8 mark is skipped.</summary>
    private void Start()
    {
        _started = true;
        int got = _stream.ReadAtLeast(_buffer.AsSpan(0, Math.Min(_capacity, 4096)), 4, throwOnEndOfStream: false);
        var head = _buffer.AsSpan(0, got);
        Encoding? encoding = head switch
        {
            [0xFF, 0xFE, 0x00, 0x00, ..] => new UTF32Encoding(bigEndian: false, byteOrderMark: true),
            [0x00, 0x00, 0xFE, 0xFF, ..] => new UTF32Encoding(bigEndian: true, byteOrderMark: true),
            [0xFF, 0xFE, ..] => Encoding.Unicode,
            [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode,
            _ => null,
        };
        _length = got;
        _eof = got < 4;
        if (encoding is not null)
        {
            var start = new MemoryStream(head.ToArray(), writable: false);
            _source = Encoding.CreateTranscodingStream(new ConcatenatedStream(start, _stream), encoding, Encoding.UTF8, leaveOpen: true);
            _length = 0;
            _eof = false;
            while (_length < 3 && !_eof)
            {
                Refill(0);
            }
        }

        if (_buffer.AsSpan(0, _length).StartsWith("\uFEFF"u8))
        {
            _next = 3;
        }

        _window = _next - Window;
        _mask = 0;
    }

    /// <summary>One stream, then another (the bytes read to find a byte-order mark, then the rest).</summary>
    private sealed class ConcatenatedStream(Stream first, Stream second) : ForwardReadStream
    {
        private bool _onSecond;

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
    }
}
