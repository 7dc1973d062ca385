using System.Globalization;
using System.Runtime.CompilerServices;
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

    /// <summary>A whole number from 0 to <see cref="TokenCount.MaxPerRequest"/>, or the kind and message of why not.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static string? ParseCount(ReadOnlySpan<byte> span, string column, out long value, ref string? message)
    {
        value = 0;
        if (span.Length <= MaxDigits && span[0] != (byte)'-')
        {
            foreach (byte b in span)
            {
                uint digit = unchecked((uint)(b - '0')); // below '0' wraps to a large value: one test rejects both sides
                if (digit > 9)
                {
                    return BadCount(span, column, ref message);
                }

                value = (value * 10) + digit;
            }

            return value <= TokenCount.MaxPerRequest ? null : BadCount(span, column, ref message);
        }

        return BadCount(span, column, ref message);
    }

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
    private bool TryParseInstant(ReadOnlySpan<byte> s, out long ticks)
    {
        ticks = 0;
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || s[13] != ':' || s[16] != ':')
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

        if (!Digits(s, 11, 2, out int hour) || !Digits(s, 14, 2, out int minute) || !Digits(s, 17, 2, out int second) ||
            hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        long local = dateTicks + (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute) + (second * TimeSpan.TicksPerSecond);
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
                    fraction = (fraction * 10) + (s[i] - '0');
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
                fraction *= 10;
            }

            local += fraction;
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

                offset = ((oh * TimeSpan.TicksPerHour) + (om * TimeSpan.TicksPerMinute)) * (sign == '-' ? -1 : 1);
            }
            else
            {
                return false;
            }
        }

        ticks = local - offset;
        return ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks;
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

            value = (value * 10) + (int)digit;
        }

        return true;
    }

    /// <summary>A field as shown in a message: quoted, on one line, at most 60 characters (<see cref="InputText"/>).</summary>
    internal static string Show(ReadOnlySpan<byte> span) => InputText.Quote(span);

    internal static string Instant(long ticks) =>
        new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
