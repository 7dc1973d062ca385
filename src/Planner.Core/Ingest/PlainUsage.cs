namespace Planner.Core.Ingest;

/// <summary>A response's <c>usage</c> object read without <see cref="System.Text.Json.Utf8JsonReader"/> when it is in its
/// plain form (what OpenAI writes): property names without escapes, every value a whole number or (for the details) an
/// object of whole numbers, and parts that fit their totals. Anything else returns false, and the reader reads the value
/// again and words the problem: so for every value this accepts, the result is the reader's to the token.</summary>
internal static class PlainUsage
{
    private enum Field
    {
        Other,
        PromptTokens,
        InputTokens,
        Output,
        InputDetails,
        OutputDetails,
    }

    /// <summary>The parts of <paramref name="value"/> (the bytes of the usage value), with the subsets subtracted.</summary>
    public static bool TryRead(ReadOnlySpan<byte> value, out UsageParts parts)
    {
        parts = default;
        long input = -1;
        long output = -1;
        long cached = 0;
        long audioIn = 0;
        long audioOut = 0;
        int at = JsonSkip.Space(value, 0);
        if (at >= value.Length || value[at] != (byte)'{')
        {
            return false;
        }

        at = JsonSkip.Space(value, at + 1);
        if (at < value.Length && value[at] == (byte)'}')
        {
            return false; // no totals: the reader says which is missing
        }

        while (true)
        {
            if (!Name(value, ref at, out var name))
            {
                return false;
            }

            switch (Classify(name))
            {
                case Field.PromptTokens or Field.InputTokens:
                    if (!Count(value, ref at, out input))
                    {
                        return false;
                    }

                    break;
                case Field.Output:
                    if (!Count(value, ref at, out output))
                    {
                        return false;
                    }

                    break;
                case Field.InputDetails:
                    if (!Details(value, ref at, input: true, ref cached, ref audioIn))
                    {
                        return false;
                    }

                    break;
                case Field.OutputDetails:
                    long unused = 0;
                    if (!Details(value, ref at, input: false, ref unused, ref audioOut))
                    {
                        return false;
                    }

                    break;
                default:
                    if (!Count(value, ref at, out _))
                    {
                        return false;
                    }

                    break;
            }

            if (!Next(value, ref at, out bool end))
            {
                return false;
            }

            if (end)
            {
                break;
            }
        }

        if (JsonSkip.Space(value, at) != value.Length || input < 0 || output < 0 || audioIn + cached > input || audioOut > output)
        {
            return false;
        }

        // As the reader's path: cached tokens are cached text (Chat Completions audio models cache no audio).
        parts = UsageParts.FromSubsetTotals(input, cached, audioIn, output, audioOut);
        return true;
    }

    private static Field Classify(ReadOnlySpan<byte> name) => name.Length switch
    {
        12 when name.SequenceEqual("input_tokens"u8) => Field.InputTokens,
        13 when name.SequenceEqual("prompt_tokens"u8) => Field.PromptTokens,
        13 when name.SequenceEqual("output_tokens"u8) => Field.Output,
        17 when name.SequenceEqual("completion_tokens"u8) => Field.Output,
        20 when name.SequenceEqual("input_tokens_details"u8) => Field.InputDetails,
        21 when name.SequenceEqual("prompt_tokens_details"u8) => Field.InputDetails,
        21 when name.SequenceEqual("output_tokens_details"u8) => Field.OutputDetails,
        25 when name.SequenceEqual("completion_tokens_details"u8) => Field.OutputDetails,
        _ => Field.Other,
    };

    /// <summary>A details object: cached_tokens (input only) and audio_tokens read, every other value a whole number.</summary>
    private static bool Details(ReadOnlySpan<byte> value, ref int at, bool input, ref long cached, ref long audio)
    {
        if (at >= value.Length || value[at] != (byte)'{')
        {
            return false;
        }

        at = JsonSkip.Space(value, at + 1);
        if (at < value.Length && value[at] == (byte)'}')
        {
            at++;
            return true;
        }

        while (true)
        {
            if (!Name(value, ref at, out var name))
            {
                return false;
            }

            bool ok = input && name.SequenceEqual("cached_tokens"u8) ? Count(value, ref at, out cached)
                : name.SequenceEqual("audio_tokens"u8) ? Count(value, ref at, out audio)
                : Count(value, ref at, out _);
            if (!ok || !Next(value, ref at, out bool end))
            {
                return false;
            }

            if (end)
            {
                return true;
            }
        }
    }

    /// <summary>A property name without escapes, then its colon; <paramref name="at"/> ends on the value.</summary>
    private static bool Name(ReadOnlySpan<byte> value, ref int at, out ReadOnlySpan<byte> name)
    {
        name = default;
        if (at >= value.Length || value[at] != (byte)'"')
        {
            return false;
        }

        int start = at + 1;
        int i = start;
        while (i < value.Length && value[i] != (byte)'"')
        {
            if (value[i] == (byte)'\\' || value[i] < 0x20)
            {
                return false;
            }

            i++;
        }

        if (i >= value.Length)
        {
            return false;
        }

        name = value[start..i];
        at = JsonSkip.Space(value, i + 1);
        if (at >= value.Length || value[at] != (byte)':')
        {
            return false;
        }

        at = JsonSkip.Space(value, at + 1);
        return true;
    }

    /// <summary>A whole number >= 0 as JSON writes it (0, or no leading zero), at most 18 digits, ending the value.</summary>
    private static bool Count(ReadOnlySpan<byte> value, ref int at, out long count)
    {
        count = 0;
        int start = at;
        while (at < value.Length && value[at] is >= (byte)'0' and <= (byte)'9' && at - start < 18)
        {
            count = (count * 10) + (value[at] - '0');
            at++;
        }

        int digits = at - start;
        if (digits == 0 || (digits > 1 && value[start] == (byte)'0'))
        {
            return false;
        }

        // Followed by what ends a value, never by more of a number (a fraction, an exponent, a 19th digit).
        at = JsonSkip.Space(value, at);
        return at < value.Length && value[at] is (byte)',' or (byte)'}';
    }

    /// <summary>After a value: a comma and the next name, or the closing brace (<paramref name="end"/>).</summary>
    private static bool Next(ReadOnlySpan<byte> value, ref int at, out bool end)
    {
        end = false;
        at = JsonSkip.Space(value, at);
        if (at < value.Length && value[at] == (byte)',')
        {
            at = JsonSkip.Space(value, at + 1);
            return true;
        }

        if (at < value.Length && value[at] == (byte)'}')
        {
            at++;
            end = true;
            return true;
        }

        return false;
    }
}
