using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Planner.Core.Catalog;
using Planner.Core.Traces;

namespace Planner.Core.Tests.Traces;

/// <summary>The row parser reads a count of up to 8 digits as one 8-byte word and longer ones digit by digit: random
/// count fields (every length from 0 to 12, leading zeros, spaces around, a bad byte anywhere) in a random column of a
/// header in random order must give exactly the count, or the rejection, that the trace format defines (worked out here
/// from the text, not from the reader), in every reading implementation.</summary>
public class TraceCountFieldPropertyTests
{
    private static readonly string[] Columns =
    [
        "timestamp", "model", "input_text_tokens", "cached_input_tokens", "input_audio_tokens", "output_text_tokens",
        "output_audio_tokens", "max_tokens", "request_id",
    ];

    private static readonly string[] MeterColumns = ["input_text_tokens", "cached_input_tokens", "input_audio_tokens", "output_text_tokens", "output_audio_tokens"];

    // ':' and '/' are the bytes just above '9' and below '0'; 'é' is two bytes of UTF-8.
    private static readonly char[] BadBytes = ['-', '+', '.', 'a', '/', ':', ';', '\t', ' ', 'x', 'é'];

    /// <summary>One row's field under test: its text and the meter column it is in.</summary>
    public sealed record CountField(string Text, string Column);

    /// <summary>A trace: the column order, and the fields under test, one a row.</summary>
    public sealed record CountTrace(IReadOnlyList<string> Order, IReadOnlyList<CountField> Fields, bool CrLf)
    {
        public override string ToString() => $"order {string.Join(",", Order)}; fields {string.Join(" | ", Fields.Select(f => $"{f.Column}='{f.Text}'"))}";
    }

    private static readonly Gen<string> Digits =
        from length in Gen.Choose(1, 12)
        from first in Gen.Frequency((1, Gen.Constant('0')), (4, Gen.Choose('1', '9').Select(c => (char)c)))
        from rest in Gen.ArrayOf(Gen.Choose('0', '9').Select(c => (char)c), length - 1)
        select first + new string(rest);

    private static readonly Gen<string> Text =
        from digits in Digits
        from kind in Gen.Choose(0, 9)
        from at in Gen.Choose(0, 11)
        from bad in Gen.Elements(BadBytes)
        select kind switch
        {
            0 => "",
            1 => digits.Insert(Math.Min(at, digits.Length), bad.ToString()), // a bad byte inserted
            2 => string.Concat(digits.AsSpan(0, Math.Min(at, digits.Length - 1)), bad.ToString(), digits.AsSpan(Math.Min(at, digits.Length - 1) + 1)), // replaced
            3 => "-" + digits,
            4 => " " + digits + "\t",
            5 => "\"" + digits + "\"",
            _ => digits,
        };

    public static class Arbitraries
    {
        public static Arbitrary<CountTrace> Traces() => Arb.From(
            from order in Gen.Shuffle(Columns)
            from fields in Gen.NonEmptyListOf(from text in Text from column in Gen.Elements(MeterColumns) select new CountField(text, column))
            from crlf in Gen.Elements(false, true)
            select new CountTrace(order, [.. fields.Take(TraceRejections.ListedAtMost)], crlf)); // every rejection listed
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 120)]
    public void CountField_GivesTheCountOrTheRejectionTheFormatDefines_InEveryImplementation(CountTrace trace)
    {
        string path = TestData.TempPath("count-fields");
        File.WriteAllText(path, Write(trace));
        var model = TestData.Catalog.Resolve("gpt-audio-mini").Model;
        var expected = trace.Fields.Select((f, i) => (Line: i + 2L, Outcome: Expected(f, model))).ToList();

        foreach (var implementation in TraceReadImplementation.All)
        {
            var read = implementation.Read(path, new TraceOptions { SkipInvalid = true, RequireRequests = false });
            var valid = read.Rows.ToDictionary(r => r.Line);
            var rejected = read.Rejections.First.ToDictionary(r => r.Line);
            foreach (var (line, outcome) in expected)
            {
                var field = trace.Fields[(int)(line - 2)];
                if (outcome.Count is { } count)
                {
                    valid.Should().ContainKey(line, $"{implementation}: '{field.Text}' in {field.Column} is a count");
                    valid[line].Usage[MeterOf(field.Column)].Value.Should().Be(count, $"{implementation}: '{field.Text}'");
                }
                else
                {
                    rejected.Should().ContainKey(line, $"{implementation}: '{field.Text}' in {field.Column} is not a count");
                    rejected[line].Kind.Should().Be(outcome.Kind, $"{implementation}: '{field.Text}'");
                    rejected[line].Message.Should().StartWith(outcome.Kind == TraceRejectionKinds.OverCap
                        ? (field.Column.StartsWith("output", StringComparison.Ordinal) ? $"tokens: output of {outcome.Parsed:N0} tokens" : $"tokens: input of {outcome.Parsed:N0} + output of 0 =")
                        : field.Column + ":");
                }
            }

            read.RowsRead.Should().Be(trace.Fields.Count);
        }
    }

    [Theory]
    [InlineData("7", 7L)]
    [InlineData("00000000", 0L)]
    [InlineData("12345678", 12_345_678L)]
    [InlineData("99999999", 99_999_999L)]
    [InlineData("123456789", 123_456_789L)]
    [InlineData("1000000000", 1_000_000_000L)]
    [InlineData("0001000000", 1_000_000L)]
    public void CountField_OfEveryLength_IsReadExactly(string text, long expected)
    {
        // The count is the last field of a row followed by more digits on the next line: none of them may leak in. A count
        // above the model's context window is rejected with the count in the message, so every length is seen exactly.
        string path = TestData.Trace("timestamp,model,output_text_tokens,input_text_tokens",
            $"2026-01-15T09:00:00Z,gpt-realtime,1,{text}", "2026-01-15T09:00:01Z,gpt-realtime,1,98765432");
        var model = TestData.Catalog.Resolve("gpt-realtime").Model;

        foreach (var implementation in TraceReadImplementation.All)
        {
            var read = implementation.Read(path, new TraceOptions { SkipInvalid = true, RequireRequests = false });
            if (expected + 1 > model.ContextWindow.Value)
            {
                var rejection = read.Rejections.First.Should().Contain(r => r.Line == 2).Which;
                rejection.Kind.Should().Be(TraceRejectionKinds.OverCap, implementation.Name);
                rejection.Message.Should().StartWith($"tokens: input of {expected.ToString("N0", CultureInfo.InvariantCulture)} + output of 1 =", implementation.Name);
            }
            else
            {
                read.Rows.Single(r => r.Line == 2).Usage[Meter.TextInput].Value.Should().Be(expected, implementation.Name);
            }

            read.Rejections.First.Should().Contain(r => r.Line == 3).Which.Message.Should().StartWith("tokens: input of 98,765,432 + output of 1 =");
        }
    }

    [Theory]
    [InlineData("1234567/")]
    [InlineData("1234567!")] // 0x21: a digit if the word were OR-ed with '0's where the field has bytes
    [InlineData("/1234567")]
    [InlineData("123:4567")]
    [InlineData("12345678901")]
    [InlineData("1000000001")]
    [InlineData("12 34")]
    public void CountField_NotAWholeNumberUpToTheCap_IsRejectedAsUnparsable(string text)
    {
        string path = TestData.Trace("timestamp,model,input_text_tokens", $"2026-01-15T09:00:00Z,gpt-audio-mini,{text}", "2026-01-15T09:00:01Z,gpt-audio-mini,5");

        foreach (var implementation in TraceReadImplementation.All)
        {
            var read = implementation.Read(path, new TraceOptions { SkipInvalid = true, RequireRequests = false });
            read.Rejections.First.Should().ContainSingle().Which.Kind.Should().Be(TraceRejectionKinds.UnparsableField, implementation.Name);
            read.Rows.Should().ContainSingle().Which.Usage[Meter.TextInput].Value.Should().Be(5);
        }
    }

    private static Meter MeterOf(string column) => MeterTable.Meters.Single(m => TraceColumns.TokenColumn(m) == column);

    /// <summary>The trace format's rule for a count field (docs/trace-format.md), from its text: spaces and tabs around it are
    /// ignored, empty is 0, a whole number 0 to 10^9 is the count (then the model's caps apply), "-digits" is negative, and
    /// anything else is unparsable.</summary>
    private static (long? Count, string Kind, long Parsed) Expected(CountField field, ModelSpec model)
    {
        string text = field.Text.StartsWith('"') && field.Text.EndsWith('"') && field.Text.Length >= 2 ? field.Text[1..^1] : field.Text;
        text = text.Trim(' ', '\t');
        if (text.Length == 0)
        {
            return (0, "", 0);
        }

        if (text.All(char.IsAsciiDigit))
        {
            if (text.Length > 10 || long.Parse(text, CultureInfo.InvariantCulture) > 1_000_000_000)
            {
                return (null, TraceRejectionKinds.UnparsableField, 0);
            }

            long count = long.Parse(text, CultureInfo.InvariantCulture);
            // The other meters of the row are 0: the row's input or output is this count alone.
            bool output = field.Column.StartsWith("output", StringComparison.Ordinal);
            bool overCap = output ? count > model.MaxOutputTokens.Value || count > model.ContextWindow.Value : count > model.ContextWindow.Value;
            return overCap ? (null, TraceRejectionKinds.OverCap, count) : (count, "", count);
        }

        return text.Length > 1 && text[0] == '-' && text[1..].All(char.IsAsciiDigit)
            ? (null, TraceRejectionKinds.NegativeCount, 0)
            : (null, TraceRejectionKinds.UnparsableField, 0);
    }

    private static string Write(CountTrace trace)
    {
        string newline = trace.CrLf ? "\r\n" : "\n";
        var text = new StringBuilder(string.Join(",", trace.Order)).Append(newline);
        var clock = new DateTime(2026, 1, 15, 9, 0, 0, DateTimeKind.Utc);
        foreach (var (field, i) in trace.Fields.Select((f, i) => (f, i)))
        {
            var values = trace.Order.Select(column => column switch
            {
                "timestamp" => clock.AddSeconds(i).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                "model" => "gpt-audio-mini",
                "request_id" => $"r{i}",
                _ when column == field.Column => field.Text,
                _ => "",
            });
            text.Append(string.Join(",", values)).Append(newline);
        }

        return text.ToString();
    }
}
