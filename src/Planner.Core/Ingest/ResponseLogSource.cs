using System.Text.Json;
using Planner.Core.Catalog;
using Planner.Core.Traces;

namespace Planner.Core.Ingest;

/// <summary>A response log (JSONL): one Chat Completions or Responses API response object per line, or
/// <c>{"timestamp"|"created", "model", "usage": {...}}</c>. OpenAI's subset semantics: audio and cached tokens are
/// inside prompt_tokens / completion_tokens (input_tokens / output_tokens), so text = total - audio - cached.</summary>
public sealed class ResponseLogSource : JsonLinesSource
{
    /// <summary>The format key, "response-log".</summary>
    public const string FormatKey = "response-log";

    private ResponseLogSource(string path, ModelCatalog catalog, TraceOptions options, TraceRejections rejections)
        : base(path, FormatKey, catalog, options, rejections)
    {
    }

    private ResponseLogSource(Stream stream, string name, long length, ModelCatalog catalog, TraceOptions options, TraceRejections rejections, ChunkStart? chunk)
        : base(stream, name, length, file: null, FormatKey, catalog, options, rejections, chunk)
    {
    }

    /// <summary>Opens a response log.</summary>
    public static ResponseLogSource Open(string path, ModelCatalog catalog, TraceOptions options, TraceRejections rejections) =>
        new(path, catalog, options, rejections);

    /// <summary>Reads from <paramref name="stream"/> (an upload, standard input; disposed with the source), named
    /// <paramref name="name"/> in messages ("upload.jsonl:12: usage.prompt_tokens: ..."); read once, sequentially.</summary>
    public static ResponseLogSource Open(Stream stream, string name, ModelCatalog catalog, TraceOptions options, TraceRejections rejections)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new(stream, name, stream.CanSeek ? stream.Length : 0, catalog, options, rejections, null);
    }

    private protected override JsonLinesSource OpenChunk(Stream stream, long length, TraceRejections rejections, ChunkStart start) =>
        new ResponseLogSource(stream, Path, length, Catalog, Options, rejections, start);

    /// <summary>The top-level properties read; every other one is skipped.</summary>
    private enum Property
    {
        Other,
        Usage,
        Model,
        Created,
        CreatedAt,
        Timestamp,
        MaxTokens,
        InputAudioSeconds,
        OutputAudioSeconds,
    }

    /// <remarks>The line's top level is walked here, property by property; a value the format uses (usage, model, the
    /// timestamps, max_tokens, the audio seconds) is read with <see cref="Utf8JsonReader"/> over its own bytes, and
    /// every other value (<c>choices</c> with its content and transcripts, <c>id</c>, ...) is stepped over by
    /// <see cref="JsonSkip"/> without being tokenized: that was most of the time on real responses. A property name
    /// written with escapes (rare) sends the line to the reader-only path, which matches names after unescaping.</remarks>
    private protected override LineResult ParseLine(ReadOnlySpan<byte> line, ref LineData data, out string? kind, out string? message)
    {
        kind = null;
        message = null;
        int at = JsonSkip.Space(line, 0);
        if (at >= line.Length || line[at] != (byte)'{')
        {
            return NotAnObject(out kind, out message);
        }

        bool sawUsage = false;
        at = JsonSkip.Space(line, at + 1);
        if (at < line.Length && line[at] == (byte)'}')
        {
            return End(line, at + 1, sawUsage, out kind, out message);
        }

        while (true)
        {
            if (at >= line.Length || line[at] != (byte)'"')
            {
                throw JsonSkip.Error(at, "a property name is expected");
            }

            int nameEnd = JsonSkip.String(line, at + 1);
            var name = line[(at + 1)..(nameEnd - 1)];
            if (name.Contains((byte)'\\'))
            {
                data.Reset();
                return ParseWithReader(line, ref data, out kind, out message);
            }

            at = JsonSkip.Space(line, nameEnd);
            if (at >= line.Length || line[at] != (byte)':')
            {
                throw JsonSkip.Error(at, "a ':' is expected after a property name");
            }

            int valueStart = JsonSkip.Space(line, at + 1);
            int valueEnd = JsonSkip.Value(line, valueStart);
            var property = Classify(name);
            if (property == Property.Usage && PlainUsage.TryRead(line[valueStart..valueEnd], out data.Parts))
            {
                sawUsage = true;
            }
            else if (property != Property.Other && !Plain(property, line[valueStart..valueEnd], ref data))
            {
                var value = new Utf8JsonReader(line[valueStart..valueEnd]);
                try
                {
                    value.Read();
                    if (!Read(property, ref value, ref data, ref sawUsage, out kind, out message))
                    {
                        return LineResult.Bad;
                    }
                }
                catch (JsonException e)
                {
                    // Where in the line, not in the value.
                    throw JsonSkip.Error(valueStart + (int)(e.BytePositionInLine ?? 0), "in a value");
                }
            }

            at = JsonSkip.Space(line, valueEnd);
            if (at < line.Length && line[at] == (byte)',')
            {
                at = JsonSkip.Space(line, at + 1);
                continue;
            }

            if (at < line.Length && line[at] == (byte)'}')
            {
                return End(line, at + 1, sawUsage, out kind, out message);
            }

            throw JsonSkip.Error(at, "a ',' or '}' is expected after a value");
        }
    }

    /// <summary>The two values every line has, in their plain forms, without a reader: a model name with no escapes
    /// and a <c>created</c> of whole Unix seconds. False for anything else (the reader then reads it, and words any error).</summary>
    private bool Plain(Property property, ReadOnlySpan<byte> value, ref LineData data)
    {
        if (property == Property.Model)
        {
            if (value.Length < 2 || value[0] != (byte)'"' || value.Length - 2 > ModelName.Length || value[1..^1].Contains((byte)'\\'))
            {
                return false;
            }

            value[1..^1].CopyTo(ModelName);
            data.ModelLength = value.Length - 2;
            return true;
        }

        if (property is Property.Created or Property.CreatedAt && data.Ticks < 0
            && value.Length is > 0 and < 19 && value[0] is >= (byte)'1' and <= (byte)'9'
            && System.Buffers.Text.Utf8Parser.TryParse(value, out long seconds, out int used) && used == value.Length
            && Text.TryUnixSeconds(seconds, out long ticks))
        {
            data.Ticks = ticks;
            return true;
        }

        return false;
    }

    private static Property Classify(ReadOnlySpan<byte> name) => name.Length switch
    {
        5 when name.SequenceEqual("usage"u8) => Property.Usage,
        5 when name.SequenceEqual("model"u8) => Property.Model,
        7 when name.SequenceEqual("created"u8) => Property.Created,
        9 when name.SequenceEqual("timestamp"u8) => Property.Timestamp,
        10 when name.SequenceEqual("created_at"u8) => Property.CreatedAt,
        10 when name.SequenceEqual("max_tokens"u8) => Property.MaxTokens,
        17 when name.SequenceEqual("max_output_tokens"u8) => Property.MaxTokens,
        21 when name.SequenceEqual("max_completion_tokens"u8) => Property.MaxTokens,
        19 when name.SequenceEqual("input_audio_seconds"u8) => Property.InputAudioSeconds,
        20 when name.SequenceEqual("output_audio_seconds"u8) => Property.OutputAudioSeconds,
        _ => Property.Other,
    };

    /// <summary>After the closing brace: nothing but white space may follow; a line without usage is bad.</summary>
    private static LineResult End(ReadOnlySpan<byte> line, int at, bool sawUsage, out string? kind, out string? message)
    {
        at = JsonSkip.Space(line, at);
        if (at < line.Length)
        {
            return NotAnObject(out kind, out message);
        }

        return Usage(sawUsage, out kind, out message);
    }

    private static LineResult NotAnObject(out string? kind, out string? message)
    {
        kind = UsageRejectionKinds.InvalidJson;
        message = "json: each line must be one JSON object (a response, or {\"created\", \"model\", \"usage\"})";
        return LineResult.Bad;
    }

    private static LineResult Usage(bool sawUsage, out string? kind, out string? message)
    {
        kind = null;
        message = null;
        if (!sawUsage)
        {
            kind = UsageRejectionKinds.MissingUsage;
            message = "usage: missing; each line must carry the response's usage object";
            return LineResult.Bad;
        }

        return LineResult.Row;
    }

    /// <summary>The whole line through <see cref="Utf8JsonReader"/> (names matched after unescaping): for a line whose
    /// property names are escaped.</summary>
    private LineResult ParseWithReader(ReadOnlySpan<byte> line, ref LineData data, out string? kind, out string? message)
    {
        kind = null;
        message = null;
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return NotAnObject(out kind, out message);
        }

        bool sawUsage = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property =
                reader.ValueTextEquals("usage"u8) ? Property.Usage :
                reader.ValueTextEquals("model"u8) ? Property.Model :
                reader.ValueTextEquals("created"u8) ? Property.Created :
                reader.ValueTextEquals("created_at"u8) ? Property.CreatedAt :
                reader.ValueTextEquals("timestamp"u8) ? Property.Timestamp :
                reader.ValueTextEquals("max_tokens"u8) || reader.ValueTextEquals("max_completion_tokens"u8) || reader.ValueTextEquals("max_output_tokens"u8) ? Property.MaxTokens :
                reader.ValueTextEquals("input_audio_seconds"u8) ? Property.InputAudioSeconds :
                reader.ValueTextEquals("output_audio_seconds"u8) ? Property.OutputAudioSeconds :
                Property.Other;
            reader.Read();
            if (property == Property.Other)
            {
                reader.Skip();
            }
            else if (!Read(property, ref reader, ref data, ref sawUsage, out kind, out message))
            {
                return LineResult.Bad;
            }
        }

        return Usage(sawUsage, out kind, out message);
    }

    /// <summary>Reads one used property's value (the reader is on its first token); false with the reason when bad.</summary>
    private bool Read(Property property, ref Utf8JsonReader reader, ref LineData data, ref bool sawUsage, out string? kind, out string? message)
    {
        kind = null;
        message = null;
        switch (property)
        {
            case Property.Usage:
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    sawUsage = true;
                    return ParseUsage(ref reader, ref data, out kind, out message);
                }

                reader.Skip();
                return true;
            case Property.Model:
                data.ModelLength = CopyModel(ref reader, ModelName);
                return true;
            case Property.Created or Property.CreatedAt or Property.Timestamp:
                if (reader.TokenType == JsonTokenType.Null)
                {
                    return true;
                }

                string field = property switch { Property.Timestamp => "timestamp", Property.Created => "created", _ => "created_at" };
                if (!ReadInstant(ref reader, field, out long ticks, ref message))
                {
                    kind = TraceRejectionKinds.UnparsableField;
                    return false;
                }

                // "timestamp" (when the logger wrote one) wins over the response's own created.
                if (data.Ticks < 0 || property == Property.Timestamp)
                {
                    data.Ticks = ticks;
                }

                return true;
            case Property.MaxTokens:
                if (reader.TokenType == JsonTokenType.Number)
                {
                    if (!ReadCount(ref reader, "max_tokens", out long max, ref message))
                    {
                        kind = TraceRejectionKinds.UnparsableField;
                        return false;
                    }

                    data.MaxTokens = max;
                }

                return true;
            case Property.InputAudioSeconds:
                if (!ReadSeconds(ref reader, "input_audio_seconds", out data.InputAudioSeconds, ref message))
                {
                    kind = TraceRejectionKinds.UnparsableField;
                    return false;
                }

                return true;
            case Property.OutputAudioSeconds:
                if (!ReadSeconds(ref reader, "output_audio_seconds", out data.OutputAudioSeconds, ref message))
                {
                    kind = TraceRejectionKinds.UnparsableField;
                    return false;
                }

                return true;
            default:
                reader.Skip();
                return true;
        }
    }

    /// <summary>Reads <c>usage</c> (Chat Completions or Responses API names) and subtracts the subsets.</summary>
    private static bool ParseUsage(ref Utf8JsonReader reader, ref LineData data, out string? kind, out string? message)
    {
        kind = TraceRejectionKinds.UnparsableField;
        message = null;
        long input = -1;
        long output = -1;
        long cached = 0;
        long audioIn = 0;
        long audioOut = 0;
        bool responses = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("prompt_tokens"u8) || reader.ValueTextEquals("input_tokens"u8))
            {
                responses = reader.ValueTextEquals("input_tokens"u8);
                reader.Read();
                if (!ReadCount(ref reader, responses ? "usage.input_tokens" : "usage.prompt_tokens", out input, ref message))
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("completion_tokens"u8) || reader.ValueTextEquals("output_tokens"u8))
            {
                bool named = reader.ValueTextEquals("output_tokens"u8);
                reader.Read();
                if (!ReadCount(ref reader, named ? "usage.output_tokens" : "usage.completion_tokens", out output, ref message))
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("prompt_tokens_details"u8) || reader.ValueTextEquals("input_tokens_details"u8))
            {
                string path = reader.ValueTextEquals("prompt_tokens_details"u8) ? "usage.prompt_tokens_details" : "usage.input_tokens_details";
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("cached_tokens"u8))
                    {
                        reader.Read();
                        if (!ReadCount(ref reader, path, ".cached_tokens", out cached, ref message))
                        {
                            return false;
                        }
                    }
                    else if (reader.ValueTextEquals("audio_tokens"u8))
                    {
                        reader.Read();
                        if (!ReadCount(ref reader, path, ".audio_tokens", out audioIn, ref message))
                        {
                            return false;
                        }
                    }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }
            }
            else if (reader.ValueTextEquals("completion_tokens_details"u8) || reader.ValueTextEquals("output_tokens_details"u8))
            {
                string path = reader.ValueTextEquals("completion_tokens_details"u8) ? "usage.completion_tokens_details" : "usage.output_tokens_details";
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("audio_tokens"u8))
                    {
                        reader.Read();
                        if (!ReadCount(ref reader, path, ".audio_tokens", out audioOut, ref message))
                        {
                            return false;
                        }
                    }
                    else
                    {
                        // reasoning_tokens and predictions are text output, already inside the total.
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

        string inName = responses ? "input_tokens" : "prompt_tokens";
        string outName = responses ? "output_tokens" : "completion_tokens";
        if (input < 0)
        {
            kind = UsageRejectionKinds.MissingUsage;
            message = $"usage.{inName}: missing; the usage object has no input total";
            return false;
        }

        if (output < 0)
        {
            kind = UsageRejectionKinds.MissingUsage;
            message = $"usage.{outName}: missing; the usage object has no output total";
            return false;
        }

        if (checked(audioIn + cached) > input)
        {
            kind = UsageRejectionKinds.PartsExceedTotal;
            message = Exceeds($"usage.{inName}", $"audio_tokens ({audioIn:N0}) + cached_tokens ({cached:N0})", audioIn + cached, inName, input);
            return false;
        }

        if (audioOut > output)
        {
            kind = UsageRejectionKinds.PartsExceedTotal;
            message = Exceeds($"usage.{outName}", "audio_tokens", audioOut, outName, output);
            return false;
        }

        // The one mapping of this format: cached tokens are cached text (Chat Completions audio models cache no audio).
        data.Parts = UsageParts.FromSubsetTotals(input, cached, audioIn, output, audioOut);
        kind = null;
        return true;
    }
}
