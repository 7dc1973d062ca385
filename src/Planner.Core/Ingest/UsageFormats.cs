using System.Text;
using System.Text.Json;
using Planner.Core.Catalog;
using Planner.Core.Traces;

namespace Planner.Core.Ingest;

/// <summary>The formats Planner reads usage from, detected from the content; <see cref="Open(string, ModelCatalog, TraceOptions, TraceRejections)"/> (or, for a stream, its other overload) is where every
/// trace-reading command gets its <see cref="IUsageSource"/>.</summary>
public static class UsageFormats
{
    /// <summary>Every format key with what it is, in the order detection tries them.</summary>
    public static IReadOnlyList<(string Key, string Description)> All { get; } =
    [
        (CsvTraceSource.FormatKey, "Planner's CSV trace (docs/trace-format.md)"),
        (OpenAiCsvSource.FormatKey, "a CSV with OpenAI's column names (prompt_tokens, input_tokens, num_model_requests, ...)"),
        (ResponseLogSource.FormatKey, "JSONL of Chat Completions or Responses API responses (with usage)"),
        (RealtimeEventSource.FormatKey, "JSONL of Realtime API server events (response.done)"),
        (UsagePageSource.FormatKey, "Usage API pages of organization.usage.completions results (a file, JSONL, or a directory)"),
    ];

    /// <summary>"planner-csv, openai-csv, ..." for messages.</summary>
    public static string Keys => string.Join(", ", All.Select(f => f.Key));

    /// <summary>The columns of Planner's trace that carry usage.</summary>
    private static readonly string[] PlannerUsageColumns =
        [.. MeterTable.All.Select(m => m.TraceColumn), TraceColumns.InputAudioSeconds, TraceColumns.OutputAudioSeconds];

    /// <summary>Opens <paramref name="path"/> in the format <see cref="TraceOptions.Format"/> names, else the one its content shows.</summary>
    /// <exception cref="PlannerException">A missing file, an undetectable format (the message lists the formats), a header
    /// that would price to $0 or repeats a column, or a file that is not the format asked for.</exception>
    public static IUsageSource Open(string path, ModelCatalog catalog, TraceOptions options, TraceRejections rejections)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        string format = options.Format ?? Detect(path);
        if (options.Format is { } asked && !All.Any(f => f.Key == asked))
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument, $"format: unknown format '{asked}'; known formats: {Keys}");
        }

        if (!File.Exists(path) && !(format == UsagePageSource.FormatKey && Directory.Exists(path)))
        {
            // TraceReader names a missing file, a folder or a device in its own words.
            return CsvTraceSource.Open(path, catalog, options, rejections);
        }

        if (format is CsvTraceSource.FormatKey or OpenAiCsvSource.FormatKey)
        {
            CheckHeader(Head(path), path, format);
        }

        return format switch
        {
            CsvTraceSource.FormatKey => CsvTraceSource.Open(path, catalog, options, rejections),
            OpenAiCsvSource.FormatKey => OpenAiCsvSource.Open(path, catalog, options, rejections),
            ResponseLogSource.FormatKey => ResponseLogSource.Open(path, catalog, options, rejections),
            RealtimeEventSource.FormatKey => RealtimeEventSource.Open(path, catalog, options, rejections),
            _ => UsagePageSource.Open(path, catalog, options, rejections),
        };
    }

    /// <summary>Opens <paramref name="stream"/> (an upload, standard input), named <paramref name="name"/> in messages, in the
    /// format <see cref="TraceOptions.Format"/> names, else the one its first bytes show: they are peeked through a buffer
    /// and read again by the reader, so the stream is read once, from its start, and never sought. The source owns the
    /// stream (disposes it). A directory of Usage API pages is a path, not a stream.</summary>
    /// <exception cref="PlannerException">An undetectable format (the message lists the formats), a header that would price
    /// to $0 or repeats a column, or content that is not the format asked for.</exception>
    public static IUsageSource Open(Stream stream, string name, ModelCatalog catalog, TraceOptions options, TraceRejections rejections)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rejections);
        if (options.Format is { } asked && !All.Any(f => f.Key == asked))
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument, $"format: unknown format '{asked}'; known formats: {Keys}");
        }

        var peeked = new PeekStream(stream, HeadBytes);
        try
        {
            string format = options.Format ?? Detect(peeked.Head, name);
            if (format is CsvTraceSource.FormatKey or OpenAiCsvSource.FormatKey && !peeked.Head.IsEmpty)
            {
                CheckHeader(peeked.Head, name, format);
            }

            return format switch
            {
                CsvTraceSource.FormatKey => new OwnedStreamSource(CsvTraceSource.Wrap(TraceReader.Open(peeked, name, catalog, options, rejections)), peeked),
                OpenAiCsvSource.FormatKey => OpenAiCsvSource.Open(peeked, name, catalog, options, rejections),
                ResponseLogSource.FormatKey => ResponseLogSource.Open(peeked, name, catalog, options, rejections),
                RealtimeEventSource.FormatKey => RealtimeEventSource.Open(peeked, name, catalog, options, rejections),
                _ => UsagePageSource.Open(peeked, name, catalog, options, rejections),
            };
        }
        catch
        {
            peeked.Dispose();
            throw;
        }
    }

    /// <summary>The format of <paramref name="path"/> from its first bytes.</summary>
    /// <exception cref="PlannerException">Missing, empty, or none of the formats (the message lists them).</exception>
    public static string Detect(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            // A directory of pages: its first .json/.jsonl file must itself be a Usage API page.
            string? first = Directory.EnumerateFiles(path).Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).FirstOrDefault();
            bool pages;
            try
            {
                pages = first is not null && Detect(first) == UsagePageSource.FormatKey;
            }
            catch (PlannerException)
            {
                pages = false;
            }

            return pages ? UsagePageSource.FormatKey : CsvTraceSource.FormatKey;
        }

        if (!File.Exists(path))
        {
            return CsvTraceSource.FormatKey;
        }

        return Detect(Head(path), path);
    }

    /// <summary>How many bytes detection looks at: 64 KiB.</summary>
    public const int HeadBytes = 64 * 1024;

    /// <summary>The format of an input from its first <see cref="HeadBytes"/> (or all of it, when shorter), named
    /// <paramref name="name"/> in messages: for a stream, whose head is peeked, never sought.</summary>
    /// <exception cref="PlannerException">Empty, or none of the formats (the message lists them).</exception>
    public static string Detect(ReadOnlySpan<byte> head, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        string path = name;
        var span = head;
        if (span.StartsWith("\uFEFF"u8))
        {
            span = span[3..];
        }

        var trimmed = span.TrimStart(" \t\r\n"u8);
        if (trimmed.IsEmpty)
        {
            throw new PlannerException(PlannerErrorKind.InvalidTrace, $"{path}: the file is empty; expected one of: {Keys}");
        }

        if (trimmed[0] is (byte)'{' or (byte)'[')
        {
            return DetectJson(path, trimmed);
        }

        var header = Header(span);
        if (header.Any(c => OpenAiCsvColumns.Usage.Contains(c) && !PlannerUsageColumns.Contains(c)))
        {
            return OpenAiCsvSource.FormatKey;
        }

        // Planner's own CSV reader checks the rest of the header (separator, required columns) in its own words.
        return CsvTraceSource.FormatKey;
    }

    private static string DetectJson(string path, ReadOnlySpan<byte> head)
    {
        // A pretty-printed page spans lines; JSONL has one object per line. Look at the top-level names of the first object.
        int end = head.IndexOf((byte)'\n');
        var firstLine = end < 0 ? head : head[..end];
        var names = TopLevelNames(firstLine) ?? TopLevelNames(head);
        string text = Encoding.UTF8.GetString(head);
        if (names is null)
        {
            // The first object is longer than the sample: decide on the names that appear in it (a response's usage may
            // come after choices longer than the sample: its choices or object type then decide).
            return text.Contains("\"bucket\"", StringComparison.Ordinal) || text.Contains("\"page\"", StringComparison.Ordinal) ? UsagePageSource.FormatKey
                : text.Contains("\"usage\"", StringComparison.Ordinal) || text.Contains("\"choices\"", StringComparison.Ordinal) || text.Contains("\"chat.completion\"", StringComparison.Ordinal)
                    ? ResponseLogSource.FormatKey
                : throw Undetectable(path, "JSON, but its first object is not a response, a Realtime event or a Usage API page");
        }

        if (names.Contains("data") && (text.Contains("\"bucket\"", StringComparison.Ordinal) || text.Contains("\"page\"", StringComparison.Ordinal) || text.Contains("start_time", StringComparison.Ordinal)))
        {
            if (text.Contains("organization.costs.result", StringComparison.Ordinal))
            {
                throw new PlannerException(PlannerErrorKind.InvalidTrace, $"{path}: a Costs API page (organization.costs.result) is what OpenAI billed, not usage; give it to `reconcile` as the costs");
            }

            return UsagePageSource.FormatKey;
        }

        if (names.Contains("type") && (names.Contains("event_id") || text.Contains("\"session.", StringComparison.Ordinal) || text.Contains("\"response.", StringComparison.Ordinal)))
        {
            return RealtimeEventSource.FormatKey;
        }

        if (names.Contains("usage") || names.Contains("choices") || (names.Contains("object") && text.Contains("chat.completion", StringComparison.Ordinal)))
        {
            return ResponseLogSource.FormatKey;
        }

        throw Undetectable(path, $"JSON with top-level fields {string.Join(", ", names.Take(8))}, which is none of them");
    }

    private static List<string>? TopLevelNames(ReadOnlySpan<byte> json)
    {
        var names = new List<string>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowMultipleValues = true });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                names.Add(reader.GetString()!);
                reader.Read();
                reader.Skip();
            }

            return names;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The header's column names (trimmed, unquoted, lower case as written).</summary>
    private static List<string> Header(ReadOnlySpan<byte> head)
    {
        int end = head.IndexOf((byte)'\n');
        string line = Encoding.UTF8.GetString(end < 0 ? head : head[..end]).TrimEnd('\r');
        return line.Split(',').Select(c => c.Trim().Trim('"').Trim()).ToList();
    }

    /// <summary>The first <see cref="HeadBytes"/> of a file.</summary>
    private static byte[] Head(string path)
    {
        byte[] head = new byte[HeadBytes];
        int length;
        using (var stream = File.OpenRead(path))
        {
            length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        return head.AsSpan(0, length).ToArray();
    }

    /// <summary>Refuses a header with a repeated column, or with no column Planner reads usage from (it would price to $0).</summary>
    private static void CheckHeader(ReadOnlySpan<byte> head, string path, string format)
    {
        var span = head;
        if (span.StartsWith("\uFEFF"u8))
        {
            span = span[3..];
        }

        if (span.TrimStart(" \t\r\n"u8).IsEmpty)
        {
            return;
        }

        var header = Header(span);
        if (header.Count > 200)
        {
            return; // a header this wide is not a trace; TraceReader says so in one short line
        }

        var repeated = header.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1 && g.Key.Length > 0).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
        {
            throw new PlannerException(PlannerErrorKind.InvalidTrace,
                $"{path}:1: header: column '{repeated[0]}' appears {header.Count(c => c == repeated[0])} times; which one holds the value is ambiguous");
        }

        var read = format == CsvTraceSource.FormatKey ? PlannerUsageColumns : OpenAiCsvColumns.Usage.Append(OpenAiCsvColumns.InputAudioTokens);
        bool framed = format != CsvTraceSource.FormatKey || (header.Contains(TraceColumns.Timestamp) && header.Contains(TraceColumns.Model));
        if (framed && !header.Any(c => read.Contains(c)))
        {
            throw NoUsageColumns(path, header);
        }
    }

    private static PlannerException NoUsageColumns(string path, List<string> header) => new(PlannerErrorKind.InvalidTrace,
        $"{path}:1: header: no token, seconds or usage column Planner reads, so every row would price to $0; ignored: {string.Join(", ", header.Take(12))}{(header.Count > 12 ? $" and {header.Count - 12:N0} more" : "")}; " +
        $"expected some of: {string.Join(", ", PlannerUsageColumns)} (Planner's trace) or {string.Join(", ", OpenAiCsvColumns.Usage.Append(OpenAiCsvColumns.InputAudioTokens))} (OpenAI's names)");

    private static PlannerException Undetectable(string path, string what) => new(PlannerErrorKind.InvalidTrace,
        $"{path}: cannot tell the format ({what}); Planner reads: {string.Join("; ", All.Select(f => $"{f.Key} = {f.Description}"))}; name one as the format");
}
