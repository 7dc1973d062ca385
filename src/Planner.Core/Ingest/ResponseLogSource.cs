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

    /// <summary>Opens a response log.</summary>
    public static ResponseLogSource Open(string path, ModelCatalog catalog, TraceOptions options, TraceRejections rejections) =>
        new(path, catalog, options, rejections);

    private protected override LineResult ParseLine(ReadOnlySpan<byte> line, ref LineData data, out string? kind, out string? message)
    {
        kind = null;
        message = null;
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            kind = UsageRejectionKinds.InvalidJson;
            message = "json: each line must be one JSON object (a response, or {\"created\", \"model\", \"usage\"})";
            return LineResult.Bad;
        }

        bool sawUsage = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("usage"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    sawUsage = true;
                    if (!ParseUsage(ref reader, ref data, out kind, out message))
                    {
                        return LineResult.Bad;
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("model"u8))
            {
                reader.Read();
                data.ModelLength = CopyModel(ref reader, ModelName);
            }
            else if (reader.ValueTextEquals("created"u8) || reader.ValueTextEquals("created_at"u8) || reader.ValueTextEquals("timestamp"u8))
            {
                string field = reader.ValueTextEquals("timestamp"u8) ? "timestamp" : reader.ValueTextEquals("created"u8) ? "created" : "created_at";
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null)
                {
                    continue;
                }

                if (!ReadInstant(ref reader, field, out long ticks, ref message))
                {
                    kind = TraceRejectionKinds.UnparsableField;
                    return LineResult.Bad;
                }

                // "timestamp" (when the logger wrote one) wins over the response's own created.
                if (data.Ticks < 0 || field == "timestamp")
                {
                    data.Ticks = ticks;
                }
            }
            else if (reader.ValueTextEquals("max_tokens"u8) || reader.ValueTextEquals("max_completion_tokens"u8) || reader.ValueTextEquals("max_output_tokens"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Number)
                {
                    if (!ReadCount(ref reader, "max_tokens", out long max, ref message))
                    {
                        kind = TraceRejectionKinds.UnparsableField;
                        return LineResult.Bad;
                    }

                    data.MaxTokens = max;
                }
            }
            else if (reader.ValueTextEquals("input_audio_seconds"u8))
            {
                reader.Read();
                if (!ReadSeconds(ref reader, "input_audio_seconds", out data.InputAudioSeconds, ref message))
                {
                    kind = TraceRejectionKinds.UnparsableField;
                    return LineResult.Bad;
                }
            }
            else if (reader.ValueTextEquals("output_audio_seconds"u8))
            {
                reader.Read();
                if (!ReadSeconds(ref reader, "output_audio_seconds", out data.OutputAudioSeconds, ref message))
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

        if (!sawUsage)
        {
            kind = UsageRejectionKinds.MissingUsage;
            message = "usage: missing; each line must carry the response's usage object";
            return LineResult.Bad;
        }

        return LineResult.Row;
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
        data.Parts = new UsageParts
        {
            TextInput = input - audioIn - cached,
            CachedTextInput = cached,
            AudioInput = audioIn,
            TextOutput = output - audioOut,
            AudioOutput = audioOut,
        };
        kind = null;
        return true;
    }
}
