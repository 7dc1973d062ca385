using System.Globalization;
using System.Text;

namespace Planner.Core;

/// <summary>Text that came from the input (a field, a header name, a path, a JSON snippet) as a message
/// shows it: quoted, on one line, and short. Every message that echoes input goes through here, so a
/// 5,000-column header or a value with a newline or an escape sequence cannot make a message of many lines.</summary>
public static class InputText
{
    /// <summary>The most characters of input a message shows. The value is 60.</summary>
    public const int MaxShown = 60;

    /// <summary>The text in single quotes, control characters escaped (\n, \t, \u001b), cut to
    /// <paramref name="maxLength"/> characters with "..." and the full length when longer.</summary>
    public static string Quote(string? text, int maxLength = MaxShown) => "'" + Shorten(text, maxLength) + "'";

    /// <summary>UTF-8 bytes from the input, decoded (invalid bytes shown as U+FFFD) and quoted like <see cref="Quote(string?, int)"/>.</summary>
    public static string Quote(ReadOnlySpan<byte> utf8, int maxLength = MaxShown)
    {
        // Decode only what can be shown: a 2 GB field is not turned into a 2 GB string for a message.
        int take = Math.Min(utf8.Length, (maxLength * 4) + 4);
        string text = Encoding.UTF8.GetString(utf8[..take]);
        return "'" + Shorten(text, maxLength, utf8.Length > take) + "'";
    }

    /// <summary>The text on one line and at most <paramref name="maxLength"/> characters (plus a note of
    /// the full length), without quotes: for lists such as a header's column names.</summary>
    public static string Shorten(string? text, int maxLength = MaxShown) => Shorten(text, maxLength, false);

    /// <summary>A list of input names, quoted, at most <paramref name="maxItems"/> of them, then "and N more".</summary>
    public static string List(IReadOnlyList<string> items, int maxItems = 12)
    {
        ArgumentNullException.ThrowIfNull(items);
        var shown = items.Take(maxItems).Select(i => Quote(i, 40));
        string list = string.Join(", ", shown);
        return items.Count > maxItems
            ? list + string.Create(CultureInfo.InvariantCulture, $" and {items.Count - maxItems:N0} more")
            : list;
    }

    private static string Shorten(string? text, int maxLength, bool truncatedAlready)
    {
        text ??= "";
        var builder = new StringBuilder(Math.Min(text.Length, maxLength) + 16);
        bool cut = truncatedAlready;
        foreach (char c in text)
        {
            if (builder.Length >= maxLength)
            {
                cut = true;
                break;
            }

            switch (c)
            {
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\'': builder.Append("\\'"); break;
                case '\\': builder.Append("\\\\"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        if (cut)
        {
            builder.Append("...");
            if (!truncatedAlready)
            {
                builder.Append(CultureInfo.InvariantCulture, $" ({text.Length:N0} characters)");
            }
        }

        return builder.ToString();
    }
}
