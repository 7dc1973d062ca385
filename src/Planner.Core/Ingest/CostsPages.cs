using System.Text.Json;

namespace Planner.Core.Ingest;

/// <summary>Reads Costs API pages (<c>GET /v1/organization/costs</c>: daily buckets of organization.costs.result with
/// amount{value, currency}, line_item, project_id): a page file, JSONL of pages, or a directory of them, read a page at a
/// time (<see cref="JsonPageSplitter"/>): the input is never held whole, only the billed results read from it.</summary>
public static class CostsPages
{
    /// <summary>Every billed result, in file and bucket order.</summary>
    /// <exception cref="PlannerException">"FILE:LINE: FIELD: reason" for a page, bucket or amount that is not as documented.</exception>
    public static IReadOnlyList<BilledCost> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string[] files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path).Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToArray()
            : File.Exists(path) ? [path] : throw new PlannerException(PlannerErrorKind.InvalidTrace, $"{path}: no such costs file");
        var costs = new List<BilledCost>();
        foreach (string file in files)
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            Parse(file, stream, costs);
        }

        return costs;
    }

    /// <summary>The billed costs of one export already opened as a stream (an upload), named <paramref name="name"/> in messages.</summary>
    public static IReadOnlyList<BilledCost> Read(string name, Stream stream)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(stream);
        var costs = new List<BilledCost>();
        Parse(name, stream, costs);
        return costs;
    }

    private static void Parse(string file, Stream stream, List<BilledCost> into)
    {
        using var pages = new JsonPageSplitter(stream, file, comments: false);
        while (pages.TryNext(out var page, out long line))
        {
            Parse(file, page.Span, line, into);
        }
    }

    /// <summary>Parses one page; <paramref name="firstLine"/> is the line its first byte is on.</summary>
    private static void Parse(string file, ReadOnlySpan<byte> document, long firstLine, List<BilledCost> into)
    {
        var lines = new UsagePageParser.LineCounter(document, firstLine);
        var reader = new Utf8JsonReader(document, new JsonReaderOptions { AllowMultipleValues = true });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw UsagePageParser.Error(file, lines.At(reader.TokenStartIndex), "page", "each page must be a JSON object {\"object\": \"page\", \"data\": [...]}");
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (!reader.ValueTextEquals("data"u8))
                    {
                        reader.Read();
                        reader.Skip();
                        continue;
                    }

                    reader.Read();
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        throw UsagePageParser.Error(file, lines.At(reader.TokenStartIndex), "data", "must be an array of buckets");
                    }

                    while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                    {
                        Bucket(file, ref reader, ref lines, into);
                    }
                }
            }
        }
        catch (JsonException e)
        {
            throw UsagePageParser.Error(file, firstLine + (e.LineNumber ?? 0), "json", $"not valid JSON (truncated or malformed) at byte {(e.BytePositionInLine ?? 0) + 1} of the line");
        }
    }

    private static void Bucket(string file, ref Utf8JsonReader reader, ref UsagePageParser.LineCounter lines, List<BilledCost> into)
    {
        long bucketLine = lines.At(reader.TokenStartIndex);
        long start = -1;
        var results = new List<(long Line, string? Item, string? Project, decimal Amount)>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("start_time"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out long seconds) || !Text.TryUnixSeconds(seconds, out start))
                {
                    throw UsagePageParser.Error(file, lines.At(reader.TokenStartIndex), "start_time", $"must be Unix seconds, got {Text.Show(reader.ValueSpan)}");
                }
            }
            else if (reader.ValueTextEquals("results"u8) || reader.ValueTextEquals("result"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw UsagePageParser.Error(file, lines.At(reader.TokenStartIndex), "results", "must be an array");
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    results.Add(Result(file, ref reader, ref lines));
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (start < 0)
        {
            throw UsagePageParser.Error(file, bucketLine, "start_time", "missing; every bucket needs its start_time (Unix seconds)");
        }

        var day = DateOnly.FromDateTime(new DateTime(start, DateTimeKind.Utc));
        foreach (var (line, item, project, amount) in results)
        {
            into.Add(new BilledCost(line, day, item, project, amount));
        }
    }

    private static (long, string?, string?, decimal) Result(string file, ref Utf8JsonReader reader, ref UsagePageParser.LineCounter lines)
    {
        long line = lines.At(reader.TokenStartIndex);
        string? item = null, project = null;
        decimal? amount = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("line_item"u8))
            {
                reader.Read();
                item = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else if (reader.ValueTextEquals("project_id"u8))
            {
                reader.Read();
                project = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else if (reader.ValueTextEquals("amount"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw UsagePageParser.Error(file, lines.At(reader.TokenStartIndex), "amount", "must be an object {\"value\": number, \"currency\": \"usd\"}");
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("value"u8))
                    {
                        reader.Read();
                        // The amount's own digits, parsed as a decimal from the UTF-8 text: 0.1 stays 0.1.
                        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDecimal(out decimal value))
                        {
                            throw UsagePageParser.Error(file, lines.At(reader.TokenStartIndex), "amount.value", $"must be a number, got {Text.Show(reader.ValueSpan)}");
                        }

                        amount = value;
                    }
                    else if (reader.ValueTextEquals("currency"u8))
                    {
                        reader.Read();
                        if (reader.TokenType == JsonTokenType.String && !reader.ValueTextEquals("usd"u8) && !reader.ValueTextEquals("USD"u8))
                        {
                            throw UsagePageParser.Error(file, lines.At(reader.TokenStartIndex), "amount.currency", $"only usd is supported, got {reader.GetString()}");
                        }
                    }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (amount is null)
        {
            throw UsagePageParser.Error(file, line, "amount", "missing; every costs result has amount{value, currency}");
        }

        return (line, item, project, amount.Value);
    }
}
