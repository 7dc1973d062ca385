using System.Text.Json;

namespace Planner.Core.Ingest;

/// <summary>Finds where a JSON value ends without tokenizing it: strings are jumped with a vectorized search for a
/// quote, a backslash or a control character, and containers by their brackets alone (the bytes between brackets
/// and strings are only checked to be number, literal, separator or space characters). For the large values a
/// usage reader has no use for (a response's <c>choices</c> with its message content and audio transcript), at a
/// fraction of <see cref="Utf8JsonReader"/>'s cost per token.</summary>
/// <remarks>It rejects what makes a line unreadable: a truncated line (a string or container left open), brackets
/// that do not match, a raw control character in a string, nesting deeper than
/// <see cref="MaxDepth"/> (<see cref="Utf8JsonReader"/>'s default), and any other character outside strings. It does not
/// check the order of tokens inside a skipped value (<c>[1 2]</c>, <c>{"a":,}</c>) nor the escapes in its strings
/// (<c>"\x"</c>): the values that are used are read
/// with <see cref="Utf8JsonReader"/>, which checks everything. A problem is a <see cref="JsonException"/> whose
/// <see cref="JsonException.BytePositionInLine"/> is where it was found, as the reader's own errors are.</remarks>
internal static class JsonSkip
{
    /// <summary>The deepest nesting accepted. The value is 64.</summary>
    public const int MaxDepth = 64;

    // Outside strings, between structure: numbers, true/false/null, separators and white space.
    private static readonly bool[] IsPlain = Table("0123456789+-.eEtrufalsn,: \t\r\n"u8);

    // A number or literal's own characters.
    private static readonly bool[] IsScalar = Table("0123456789+-.eEtrufalsn"u8);

    private static bool[] Table(ReadOnlySpan<byte> members)
    {
        bool[] table = new bool[256];
        foreach (byte b in members)
        {
            table[b] = true;
        }

        return table;
    }

    /// <summary>The index just past the value that starts at <paramref name="start"/> (no white space before it).</summary>
    /// <exception cref="JsonException">The value is truncated or malformed (see the remarks on the type).</exception>
    public static int Value(ReadOnlySpan<byte> line, int start)
    {
        if (start >= line.Length)
        {
            throw Error(start, "a value is missing");
        }

        byte first = line[start];
        if (first == (byte)'"')
        {
            return String(line, start + 1);
        }

        if (first is (byte)'{' or (byte)'[')
        {
            return Container(line, start);
        }

        int end = start;
        while (end < line.Length && IsScalar[line[end]])
        {
            end++;
        }

        if (end == start || first is not ((>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'t' or (byte)'f' or (byte)'n'))
        {
            throw Error(start, "not the start of a JSON value");
        }

        return end;
    }

    /// <summary>The index just past the closing quote of the string whose contents start at <paramref name="at"/>.</summary>
    /// <remarks>Jumps from quote to quote (one vectorized search for a single byte, the fastest there is): a quote
    /// preceded by an odd run of backslashes is escaped and the search goes on. Escapes themselves (<c>\u00e9</c>,
    /// frequent in real transcripts) are not stopped at; the contents are then checked for raw control characters
    /// in one more vectorized pass.</remarks>
    public static int String(ReadOnlySpan<byte> line, int at)
    {
        // Most strings are short keys and values without escapes: a plain loop ends them before a vectorized search
        // has started. Anything else (an escape, a control character, a long string) takes the search from the start.
        int limit = Math.Min(line.Length, at + ShortString);
        for (int i = at; i < limit; i++)
        {
            byte b = line[i];
            if (b == (byte)'"')
            {
                return i + 1;
            }

            if (b == (byte)'\\' || b < 0x20)
            {
                break;
            }
        }

        return LongString(line, at);
    }

    /// <summary>How many bytes <see cref="String"/> looks at one by one before it searches.</summary>
    private const int ShortString = 24;

    private static int LongString(ReadOnlySpan<byte> line, int at)
    {
        int start = at;
        while (true)
        {
            int found = line[at..].IndexOf((byte)'"');
            if (found < 0)
            {
                throw Error(line.Length, "a string is not closed");
            }

            int quote = at + found;
            int before = quote - 1;
            while (before >= start && line[before] == (byte)'\\')
            {
                before--;
            }

            if (((quote - 1 - before) & 1) == 0)
            {
                int control = line[start..quote].IndexOfAnyInRange((byte)0, (byte)0x1F);
                if (control >= 0)
                {
                    throw Error(start + control, "a control character in a string");
                }

                return quote + 1;
            }

            at = quote + 1;
        }
    }

    private static int Container(ReadOnlySpan<byte> line, int at)
    {
        // One bit a level: 1 for an object, 0 for an array.
        ulong objects = 0;
        int depth = 0;
        while (true)
        {
            byte b = line[at];
            switch (b)
            {
                case (byte)'"':
                    at = String(line, at + 1);
                    break;
                case (byte)'{' or (byte)'[':
                    if (depth == MaxDepth)
                    {
                        throw Error(at, $"nested deeper than {MaxDepth} levels");
                    }

                    objects = (objects << 1) | (b == (byte)'{' ? 1UL : 0UL);
                    depth++;
                    at++;
                    break;
                case (byte)'}' or (byte)']':
                    if ((b == (byte)'}') != ((objects & 1) == 1))
                    {
                        throw Error(at, "a closing bracket that does not match");
                    }

                    objects >>= 1;
                    if (--depth == 0)
                    {
                        return at + 1;
                    }

                    at++;
                    break;
                default:
                    throw Error(at, "a character that cannot appear here");
            }

            // The gaps between strings and brackets are a few bytes (":", ",", a number): stepped over one by one.
            while (at < line.Length && IsPlain[line[at]])
            {
                at++;
            }

            if (at >= line.Length)
            {
                throw Error(line.Length, "an object or array is not closed");
            }
        }
    }

    /// <summary>The first index at or after <paramref name="at"/> that is not JSON white space.</summary>
    public static int Space(ReadOnlySpan<byte> line, int at)
    {
        while (at < line.Length && line[at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            at++;
        }

        return at;
    }

    /// <summary>A problem at <paramref name="at"/> (0-based), reported as the reader reports its own.</summary>
    public static JsonException Error(int at, string what) => new($"not valid JSON: {what}", null, 0, at);
}
