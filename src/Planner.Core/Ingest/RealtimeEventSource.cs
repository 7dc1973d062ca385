using System.Text.Json;
using Planner.Core.Catalog;
using Planner.Core.Traces;

namespace Planner.Core.Ingest;

/// <summary>Realtime API server events (JSONL): each <c>response.done</c> is one request (one Response) priced on its
/// <c>response.usage</c>, with cached input split into cached text, audio and image; every other event type is
/// skipped and counted. The model comes from a line's own "model", else the last session.created/updated's session.model.</summary>
public sealed class RealtimeEventSource : JsonLinesSource
{
    /// <summary>The format key, "realtime-events".</summary>
    public const string FormatKey = "realtime-events";

    private readonly byte[] _sessionModel = new byte[256];
    private int _sessionModelLength = -1;

    private RealtimeEventSource(string path, ModelCatalog catalog, TraceOptions options, TraceRejections rejections)
        : base(path, FormatKey, catalog, options, rejections)
    {
    }

    private RealtimeEventSource(Stream stream, string name, long length, ModelCatalog catalog, TraceOptions options, TraceRejections rejections, ChunkStart? chunk)
        : base(stream, name, length, file: null, FormatKey, catalog, options, rejections, chunk)
    {
    }

    /// <summary>Opens a file of Realtime events.</summary>
    public static RealtimeEventSource Open(string path, ModelCatalog catalog, TraceOptions options, TraceRejections rejections) =>
        new(path, catalog, options, rejections);

    /// <summary>Reads from <paramref name="stream"/> (an upload, standard input; disposed with the source), named
    /// <paramref name="name"/> in messages ("upload.jsonl:12: usage.prompt_tokens: ..."); read once, sequentially.</summary>
    public static RealtimeEventSource Open(Stream stream, string name, ModelCatalog catalog, TraceOptions options, TraceRejections rejections)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new(stream, name, stream.CanSeek ? stream.Length : 0, catalog, options, rejections, null);
    }

    private protected override JsonLinesSource OpenChunk(Stream stream, long length, TraceRejections rejections, ChunkStart start) =>
        new RealtimeEventSource(stream, Path, length, Catalog, Options, rejections, start);

    /// <summary>A response.done takes its model from the last session event before it, which may be in an earlier chunk: read in one piece.</summary>
    private protected override bool Chunkable => false;

    private protected override string ModelField => "session.model";

    private protected override string NoModel =>
        "session.model: unknown; no session.created or session.updated event with a model came before this response.done (give a model override)";

    private protected override LineResult ParseLine(ReadOnlySpan<byte> line, ref LineData data, out string? kind, out string? message)
    {
        kind = null;
        message = null;
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            kind = UsageRejectionKinds.InvalidJson;
            message = "json: each line must be one Realtime server event object";
            return LineResult.Bad;
        }

        Span<byte> type = stackalloc byte[64];
        int typeLength = 0;
        bool sawResponse = false;
        bool sawUsage = false;
        bool sessionEvent = false;
        int lineModel = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                typeLength = reader.TokenType == JsonTokenType.String ? CopyModel(ref reader, type) : 0;
            }
            else if (reader.ValueTextEquals("response"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                sawResponse = true;
                if (!ParseResponse(ref reader, ref data, ref sawUsage, out kind, out message))
                {
                    return LineResult.Bad;
                }
            }
            else if (reader.ValueTextEquals("session"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("model"u8))
                    {
                        reader.Read();
                        sessionEvent = true;
                        int length = CopyModel(ref reader, _sessionModel);
                        if (length >= 0)
                        {
                            _sessionModelLength = length;
                        }
                    }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }
            }
            else if (reader.ValueTextEquals("model"u8))
            {
                reader.Read();
                lineModel = CopyModel(ref reader, ModelName);
            }
            else if (reader.ValueTextEquals("timestamp"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Null && !ReadInstant(ref reader, "timestamp", out data.Ticks, ref message))
                {
                    kind = TraceRejectionKinds.UnparsableField;
                    return LineResult.Bad;
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        var eventType = type[..typeLength];
        if (eventType.SequenceEqual("session.created"u8))
        {
            Session++;
        }

        if (!eventType.SequenceEqual("response.done"u8))
        {
            _ = sessionEvent;
            CountSkipped(eventType);
            return LineResult.Skip;
        }

        if (!sawResponse || !sawUsage)
        {
            kind = UsageRejectionKinds.MissingUsage;
            message = sawResponse ? "response.usage: missing; a response.done must carry its usage" : "response: missing; a response.done must carry the response";
            return LineResult.Bad;
        }

        if (lineModel >= 0)
        {
            data.ModelLength = lineModel;
        }
        else if (_sessionModelLength >= 0)
        {
            _sessionModel.AsSpan(0, _sessionModelLength).CopyTo(ModelName);
            data.ModelLength = _sessionModelLength;
        }

        return LineResult.Row;
    }

    private static bool ParseResponse(ref Utf8JsonReader reader, ref LineData data, ref bool sawUsage, out string? kind, out string? message)
    {
        kind = null;
        message = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("usage"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                sawUsage = true;
                if (!ParseUsage(ref reader, ref data, out kind, out message))
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("max_output_tokens"u8) || reader.ValueTextEquals("max_response_output_tokens"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Number)
                {
                    if (!ReadCount(ref reader, "response.max_output_tokens", out data.MaxTokens, ref message))
                    {
                        kind = TraceRejectionKinds.UnparsableField;
                        return false;
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return true;
    }

    /// <summary>Reads response.usage and subtracts the subsets: cached per modality is inside that modality, which is inside input_tokens.</summary>
    private static bool ParseUsage(ref Utf8JsonReader reader, ref LineData data, out string? kind, out string? message)
    {
        kind = TraceRejectionKinds.UnparsableField;
        message = null;
        long input = -1, output = -1;
        long text = -1, audio = 0, image = 0, cached = 0;
        long cachedText = -1, cachedAudio = 0, cachedImage = 0;
        long audioOut = 0;
        const string In = "response.usage.input_token_details";
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("input_tokens"u8))
            {
                reader.Read();
                if (!ReadCount(ref reader, "response.usage.input_tokens", out input, ref message))
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("output_tokens"u8))
            {
                reader.Read();
                if (!ReadCount(ref reader, "response.usage.output_tokens", out output, ref message))
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("input_token_details"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    bool ok = true;
                    if (reader.ValueTextEquals("text_tokens"u8))
                    {
                        reader.Read();
                        ok = ReadCount(ref reader, In + ".text_tokens", out text, ref message);
                    }
                    else if (reader.ValueTextEquals("audio_tokens"u8))
                    {
                        reader.Read();
                        ok = ReadCount(ref reader, In + ".audio_tokens", out audio, ref message);
                    }
                    else if (reader.ValueTextEquals("image_tokens"u8))
                    {
                        reader.Read();
                        ok = ReadCount(ref reader, In + ".image_tokens", out image, ref message);
                    }
                    else if (reader.ValueTextEquals("cached_tokens"u8))
                    {
                        reader.Read();
                        ok = ReadCount(ref reader, In + ".cached_tokens", out cached, ref message);
                    }
                    else if (reader.ValueTextEquals("cached_tokens_details"u8))
                    {
                        reader.Read();
                        if (reader.TokenType != JsonTokenType.StartObject)
                        {
                            reader.Skip();
                            continue;
                        }

                        cachedText = 0;
                        while (ok && reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                        {
                            if (reader.ValueTextEquals("text_tokens"u8))
                            {
                                reader.Read();
                                ok = ReadCount(ref reader, In + ".cached_tokens_details.text_tokens", out cachedText, ref message);
                            }
                            else if (reader.ValueTextEquals("audio_tokens"u8))
                            {
                                reader.Read();
                                ok = ReadCount(ref reader, In + ".cached_tokens_details.audio_tokens", out cachedAudio, ref message);
                            }
                            else if (reader.ValueTextEquals("image_tokens"u8))
                            {
                                reader.Read();
                                ok = ReadCount(ref reader, In + ".cached_tokens_details.image_tokens", out cachedImage, ref message);
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

                    if (!ok)
                    {
                        return false;
                    }
                }
            }
            else if (reader.ValueTextEquals("output_token_details"u8))
            {
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
                        if (!ReadCount(ref reader, "response.usage.output_token_details.audio_tokens", out audioOut, ref message))
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
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        kind = UsageRejectionKinds.MissingUsage;
        if (input < 0)
        {
            message = "response.usage.input_tokens: missing";
            return false;
        }

        if (output < 0)
        {
            message = "response.usage.output_tokens: missing";
            return false;
        }

        kind = UsageRejectionKinds.PartsExceedTotal;
        if (checked(audio + image) > input || (text >= 0 && checked(text + audio + image) > input))
        {
            message = Exceeds(In, $"text_tokens ({Math.Max(text, 0):N0}) + audio_tokens ({audio:N0}) + image_tokens ({image:N0})", Math.Max(text, 0) + audio + image, "input_tokens", input);
            return false;
        }

        // Text is what input_tokens leaves after audio and image (text_tokens when given should equal it).
        long textIn = input - audio - image;
        if (cachedText < 0)
        {
            // No per-modality detail: cached_tokens is taken as cached text.
            cachedText = cached;
        }
        else if (checked(cachedText + cachedAudio + cachedImage) > cached && cached > 0)
        {
            message = Exceeds(In + ".cached_tokens_details", $"text_tokens ({cachedText:N0}) + audio_tokens ({cachedAudio:N0}) + image_tokens ({cachedImage:N0})", cachedText + cachedAudio + cachedImage, "cached_tokens", cached);
            return false;
        }

        if (cachedText > textIn || cachedAudio > audio || cachedImage > image)
        {
            var (name, part, whole) = cachedText > textIn ? ("text_tokens", cachedText, textIn) : cachedAudio > audio ? ("audio_tokens", cachedAudio, audio) : ("image_tokens", cachedImage, image);
            message = Exceeds(In + ".cached_tokens_details." + name, "cached " + name, part, name, whole);
            return false;
        }

        if (audioOut > output)
        {
            message = Exceeds("response.usage.output_token_details.audio_tokens", "audio_tokens", audioOut, "output_tokens", output);
            return false;
        }

        // The one mapping of this format.
        data.Parts = new UsageParts
        {
            TextInput = textIn - cachedText,
            CachedTextInput = cachedText,
            AudioInput = audio - cachedAudio,
            CachedAudioInput = cachedAudio,
            ImageInput = image - cachedImage,
            CachedImageInput = cachedImage,
            TextOutput = output - audioOut,
            AudioOutput = audioOut,
        };
        kind = null;
        return true;
    }
}
