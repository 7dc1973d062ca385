using System.Text.Json;

namespace Planner.Core.Ingest;

/// <summary>Parses Usage API pages (<c>{"object":"page","data":[bucket...]}</c>) into buckets, with the line of each
/// bucket and result for messages.</summary>
internal static class UsagePageParser
{
    /// <summary>Parses one page document; <paramref name="firstLine"/> is the line its first byte is on.</summary>
    /// <exception cref="PlannerException">Not a page: "FILE:LINE: FIELD: reason".</exception>
    public static List<UsageBucket> Parse(string file, ReadOnlySpan<byte> document, long firstLine)
    {
        var buckets = new List<UsageBucket>();
        var lines = new LineCounter(document, firstLine);
        var reader = new Utf8JsonReader(document, new JsonReaderOptions { AllowMultipleValues = true, CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw Error(file, lines.At(reader.TokenStartIndex), "page", "each page must be a JSON object {\"object\": \"page\", \"data\": [...]}");
                }

                long pageLine = lines.At(reader.TokenStartIndex);
                bool sawData = false;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("data"u8))
                    {
                        reader.Read();
                        if (reader.TokenType != JsonTokenType.StartArray)
                        {
                            throw Error(file, lines.At(reader.TokenStartIndex), "data", "must be an array of buckets");
                        }

                        sawData = true;
                        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                        {
                            buckets.Add(ParseBucket(file, ref reader, ref lines));
                        }
                    }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }

                if (!sawData)
                {
                    throw Error(file, pageLine, "data", "missing; a Usage API page has {\"object\": \"page\", \"data\": [buckets]}");
                }
            }
        }
        catch (JsonException e)
        {
            throw Error(file, firstLine + (e.LineNumber ?? 0), "json", $"not valid JSON (truncated or malformed) at byte {(e.BytePositionInLine ?? 0) + 1} of the line");
        }
        catch (InvalidOperationException)
        {
            throw Error(file, lines.At(reader.TokenStartIndex), "json", "a value of the wrong type (a string where a number is expected, or the reverse)");
        }

        return buckets;
    }

    private static UsageBucket ParseBucket(string file, ref Utf8JsonReader reader, ref LineCounter lines)
    {
        var bucket = new UsageBucket { Line = lines.At(reader.TokenStartIndex) };
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("start_time"u8) || reader.ValueTextEquals("end_time"u8))
            {
                bool start = reader.ValueTextEquals("start_time"u8);
                reader.Read();
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out long seconds) || !Text.TryUnixSeconds(seconds, out long ticks))
                {
                    throw Error(file, lines.At(reader.TokenStartIndex), start ? "start_time" : "end_time", $"must be Unix seconds, got {Text.Show(reader.ValueSpan)}");
                }

                if (start)
                {
                    bucket.StartTicks = ticks;
                }
                else
                {
                    bucket.EndTicks = ticks;
                }
            }
            else if (reader.ValueTextEquals("results"u8) || reader.ValueTextEquals("result"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw Error(file, lines.At(reader.TokenStartIndex), "results", "must be an array");
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    bucket.Results.Add(ParseResult(file, ref reader, ref lines));
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (bucket.StartTicks < 0 || bucket.EndTicks <= bucket.StartTicks)
        {
            throw Error(file, bucket.Line, bucket.StartTicks < 0 ? "start_time" : "end_time",
                bucket.StartTicks < 0 ? "missing; every bucket needs start_time and end_time (Unix seconds)" : "must be after start_time");
        }

        return bucket;
    }

    private static UsageResult ParseResult(string file, ref Utf8JsonReader reader, ref LineCounter lines)
    {
        var result = new UsageResult { Line = lines.At(reader.TokenStartIndex) };
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("input_tokens"u8))
            {
                result.InputTokens = Count(file, ref reader, ref lines, "input_tokens");
            }
            else if (reader.ValueTextEquals("output_tokens"u8))
            {
                result.OutputTokens = Count(file, ref reader, ref lines, "output_tokens");
            }
            else if (reader.ValueTextEquals("input_cached_tokens"u8))
            {
                result.InputCachedTokens = Count(file, ref reader, ref lines, "input_cached_tokens");
            }
            else if (reader.ValueTextEquals("input_audio_tokens"u8))
            {
                result.InputAudioTokens = Count(file, ref reader, ref lines, "input_audio_tokens");
            }
            else if (reader.ValueTextEquals("output_audio_tokens"u8))
            {
                result.OutputAudioTokens = Count(file, ref reader, ref lines, "output_audio_tokens");
            }
            else if (reader.ValueTextEquals("num_model_requests"u8))
            {
                result.Requests = Count(file, ref reader, ref lines, "num_model_requests");
            }
            else if (reader.ValueTextEquals("object"u8))
            {
                result.Object = String(ref reader);
            }
            else if (reader.ValueTextEquals("model"u8))
            {
                result.Model = String(ref reader);
            }
            else if (reader.ValueTextEquals("project_id"u8))
            {
                result.ProjectId = String(ref reader);
            }
            else if (reader.ValueTextEquals("user_id"u8))
            {
                result.UserId = String(ref reader);
            }
            else if (reader.ValueTextEquals("api_key_id"u8))
            {
                result.ApiKeyId = String(ref reader);
            }
            else if (reader.ValueTextEquals("service_tier"u8))
            {
                result.ServiceTier = String(ref reader);
            }
            else if (reader.ValueTextEquals("batch"u8))
            {
                reader.Read();
                result.Batch = reader.TokenType switch { JsonTokenType.True => "true", JsonTokenType.False => "false", JsonTokenType.String => reader.GetString(), _ => null };
                reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return result;
    }

    private static long Count(string file, ref Utf8JsonReader reader, ref LineCounter lines, string field)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return 0;
        }

        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long value) && value >= 0)
        {
            return value;
        }

        throw Error(file, lines.At(reader.TokenStartIndex), field, $"must be a whole number >= 0, got {Text.Show(reader.ValueSpan)}");
    }

    private static string? String(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
    }

    internal static PlannerException Error(string file, long line, string field, string reason) =>
        new(PlannerErrorKind.InvalidTrace, $"{file}:{line}: {field}: {reason}");

    /// <summary>Turns byte offsets (met in increasing order) into line numbers.</summary>
    internal ref struct LineCounter(ReadOnlySpan<byte> document, long firstLine)
    {
        private readonly ReadOnlySpan<byte> _document = document;
        private long _offset;
        private long _line = firstLine;

        public long At(long offset)
        {
            if (offset > _offset && offset <= _document.Length)
            {
                _line += _document[(int)_offset..(int)offset].Count((byte)'\n');
                _offset = offset;
            }

            return _line;
        }
    }
}
