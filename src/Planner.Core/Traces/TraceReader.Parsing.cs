using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Planner.Core.Units;

namespace Planner.Core.Traces;

/// <summary>Span parsers for the hot path: whole numbers and ISO-8601 instants straight from UTF-8.</summary>
public sealed partial class TraceReader
{
    /// <summary>Digits of the largest count a field may hold (<see cref="TokenCount.MaxPerRequest"/>).</summary>
    private const int MaxDigits = 10;

    /// <summary>The span without spaces and tabs around it (cheap when there are none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> span) =>
        span.IsEmpty || (span[0] > (byte)' ' && span[^1] > (byte)' ') ? span : span.Trim(" \t"u8);

    /// <summary>A whole number from 0 to <see cref="TokenCount.MaxPerRequest"/> in a field of the current record
    /// (<paramref name="span"/> not empty, inside the scanner's buffer), or -1 when it is not one (<see cref="BadCount"/> says why).</summary>
    /// <remarks>
    /// <para>Up to 8 digits (every real count) are parsed as one word, without a branch per digit: the 8 bytes from the
    /// field's start are read at once (the scanner keeps <see cref="TraceCsvScanner.Padding"/> readable bytes after its data, so
    /// the bytes past the field are in the buffer; they are shifted out), the field's bytes are moved to the top of the word
    /// behind '0's, checked to be digits with two masks, and combined with three multiplications. The loop it replaces
    /// mispredicted its exit on every field (counts have 1 to 4 digits at random). 9 and 10 digits take the loop.</para>
    /// <para>The value is returned, not written through an <c>out</c> parameter: an address-taken local lives in memory.</para>
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long ParseCount(ReadOnlySpan<byte> span)
    {
        unchecked
        {
            int length = span.Length;
            if (length <= 8)
            {
                ulong word = Unsafe.ReadUnaligned<ulong>(ref MemoryMarshal.GetReference(span));
                int missing = (8 - length) * 8;
                // The field's bytes at the top (the first byte lowest, as little-endian text reads), '0's in the `missing` bits
                // below them: Zeros >> (64 - missing), in two shifts so that a full 8-byte field (missing 0) gets no fill, which
                // one shift by 64 (taken mod 64) would not.
                ulong text = (word << missing) | ((Zeros >> (63 - missing)) >> 1);
                if ((text & 0xF0F0F0F0F0F0F0F0UL) != Zeros || ((text + 0x0606060606060606UL) & 0xF0F0F0F0F0F0F0F0UL) != Zeros)
                {
                    return -1; // a byte outside '0'..'9' (every byte is 0x30-0x3F after the first test, so +6 cannot carry)
                }

                ulong v = text & 0x0F0F0F0F0F0F0F0FUL;
                v = (v * 10 + (v >> 8)) & 0x00FF00FF00FF00FFUL;
                v = (v * 100 + (v >> 16)) & 0x0000FFFF0000FFFFUL;
                v = (v * 10000 + (v >> 32)) & 0x00000000FFFFFFFFUL;
                return (long)v; // at most 99,999,999: below the cap
            }

            if (length > MaxDigits)
            {
                return -1;
            }

            long value = 0;
            foreach (byte b in span)
            {
                uint digit = (uint)(b - '0'); // below '0' wraps to a large value: one test rejects both sides
                if (digit > 9)
                {
                    return -1;
                }

                value = (value * 10) + digit; // at most 10 digits: below 10^10, no overflow
            }

            return value <= TokenCount.MaxPerRequest ? value : -1;
        }
    }

    private const ulong Zeros = 0x3030303030303030UL;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string BadCount(ReadOnlySpan<byte> span, string column, ref string? message)
    {
        bool negative = span[0] == (byte)'-' && span.Length > 1 && span[1..].IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;
        message = !negative && span.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0
            ? $"{column}: {Show(span)} is more than a request can carry: a token count is at most {TokenCount.MaxPerRequest:N0}"
            : $"{column}: must be a whole number >= 0, got {Show(span)}";
        return negative ? TraceRejectionKinds.NegativeCount : TraceRejectionKinds.UnparsableField;
    }

    /// <summary>Parses "YYYY-MM-DDTHH:MM:SS[.fffffff][Z|+HH:MM|-HH:MM|+HHMM]" ('T', 't' or a space between
    /// date and time; no offset means UTC) into UTC ticks. Fractions beyond 7 digits are truncated.</summary>
    /// <remarks>The first 16 bytes (date, hour and minute) are compared, as two words, with the last timestamp's: rows of a
    /// trace come seconds apart, so most rows parse only their seconds. Arithmetic here is unchecked where the digits
    /// bound it: a minute's ticks are at most those of 9999-12-31T23:59, and an offset at most 14:59.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryParseInstant(ReadOnlySpan<byte> s, out long ticks)
    {
        ticks = 0;
        if (s.Length < 19 || s[16] != ':')
        {
            return false;
        }

        ulong head = MemoryMarshal.Read<ulong>(s);
        ulong tail = MemoryMarshal.Read<ulong>(s[8..]);
        long minuteTicks;
        if (head == _minuteHead && tail == _minuteTail && _minuteTicks >= 0)
        {
            minuteTicks = _minuteTicks;
        }
        else if (!TryParseMinute(s, out minuteTicks))
        {
            return false;
        }
        else
        {
            _minuteHead = head;
            _minuteTail = tail;
            _minuteTicks = minuteTicks;
        }

        uint tens = unchecked((uint)(s[17] - '0'));
        uint units = unchecked((uint)(s[18] - '0'));
        if (tens > 5 || units > 9)
        {
            return false;
        }

        long local = unchecked(minuteTicks + ((long)((tens * 10) + units) * TimeSpan.TicksPerSecond));
        if (s.Length == 24 && s[19] == '.' && (s[23] == 'Z' || s[23] == 'z'))
        {
            // Milliseconds and Z ("...T09:30:00.025Z", Planner's own traces): three digits, no loop.
            uint ms0 = unchecked((uint)(s[20] - '0'));
            uint ms1 = unchecked((uint)(s[21] - '0'));
            uint ms2 = unchecked((uint)(s[22] - '0'));
            if (Math.Max(ms0, Math.Max(ms1, ms2)) <= 9)
            {
                ticks = unchecked(local + ((long)((ms0 * 100) + (ms1 * 10) + ms2) * TimeSpan.TicksPerMillisecond));
                return ticks <= DateTime.MaxValue.Ticks;
            }
        }

        int i = 19;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            int start = i;
            long fraction = 0;
            int scale = 0;
            while (i < s.Length && unchecked((uint)(s[i] - '0')) <= 9)
            {
                if (scale < 7)
                {
                    fraction = unchecked((fraction * 10) + (s[i] - '0'));
                    scale++;
                }

                i++;
            }

            if (i == start)
            {
                return false;
            }

            for (; scale < 7; scale++)
            {
                fraction = unchecked(fraction * 10);
            }

            local = unchecked(local + fraction);
        }

        long offset = 0;
        if (i < s.Length)
        {
            byte sign = s[i];
            if ((sign == 'Z' || sign == 'z') && i + 1 == s.Length)
            {
                offset = 0;
            }
            else if (sign is (byte)'+' or (byte)'-')
            {
                int rest = s.Length - i - 1;
                int oh;
                int om = 0;
                bool ok = rest switch
                {
                    2 => Digits(s, i + 1, 2, out oh),
                    4 => Digits(s, i + 1, 2, out oh) && Digits(s, i + 3, 2, out om),
                    5 => Digits(s, i + 1, 2, out oh) && s[i + 3] == ':' && Digits(s, i + 4, 2, out om),
                    _ => Fail(out oh),
                };
                if (!ok || oh > 14 || om > 59)
                {
                    return false;
                }

                offset = unchecked(((oh * TimeSpan.TicksPerHour) + (om * TimeSpan.TicksPerMinute)) * (sign == '-' ? -1 : 1));
            }
            else
            {
                return false;
            }
        }

        ticks = unchecked(local - offset);
        return ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks;
    }

    /// <summary>The ticks of "YYYY-MM-DDTHH:MM" (the first 16 bytes of <paramref name="s"/>), checked field by field.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryParseMinute(ReadOnlySpan<byte> s, out long ticks)
    {
        ticks = 0;
        if (s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || s[13] != ':')
        {
            return false;
        }

        long dateTicks;
        if (_lastDateTicks >= 0 && s[..10].SequenceEqual(_lastDate))
        {
            dateTicks = _lastDateTicks;
        }
        else
        {
            if (!Digits(s, 0, 4, out int year) || !Digits(s, 5, 2, out int month) || !Digits(s, 8, 2, out int day) ||
                year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                return false;
            }

            dateTicks = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc).Ticks;
            s[..10].CopyTo(_lastDate);
            _lastDateTicks = dateTicks;
        }

        if (!Digits(s, 11, 2, out int hour) || !Digits(s, 14, 2, out int minute) || hour > 23 || minute > 59)
        {
            return false;
        }

        ticks = unchecked(dateTicks + (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute));
        return true;
    }

    private static bool Fail(out int value)
    {
        value = 0;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Digits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        for (int i = start; i < start + count; i++)
        {
            uint digit = unchecked((uint)(s[i] - '0'));
            if (digit > 9)
            {
                return false;
            }

            value = unchecked((value * 10) + (int)digit); // at most 4 digits
        }

        return true;
    }

    /// <summary>A field as shown in a message: quoted, on one line, at most 60 characters (<see cref="InputText"/>).</summary>
    internal static string Show(ReadOnlySpan<byte> span) => InputText.Quote(span);

    internal static string Instant(long ticks) =>
        new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
