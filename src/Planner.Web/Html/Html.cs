using System.Globalization;
using System.Net;
using System.Text;

namespace Planner.Web.Html;

/// <summary>HTML text helpers: everything that did not come from this code is encoded through <see cref="E"/>.</summary>
public static class Html
{
    /// <summary>The text, HTML-encoded (for element content and attribute values).</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A query string of the given fields (empty values left out), for links and downloads that carry a page's state.</summary>
    public static string Query(IEnumerable<KeyValuePair<string, string?>> fields)
    {
        var builder = new StringBuilder();
        foreach (var (key, value) in fields)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            builder.Append(builder.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }

    /// <summary>Prose from Core or the contract (an assumption's reason, a warning), HTML-encoded, with a field it names in
    /// backticks (<c>`ttft`</c>) shown as the field's name in code type: the web names fields, never CLI flags.</summary>
    public static string Prose(string? text) =>
        System.Text.RegularExpressions.Regex.Replace(E(text), "`([a-z0-9_]+)`", "<code>$1</code>");

    /// <summary>A number in invariant culture.</summary>
    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
