using System.Text;
using Planner.Core.Ingest;
using Planner.Core.Traces;

namespace Planner.Core.Tests.Ingest;

/// <summary>The plain-form usage reader gives what <see cref="System.Text.Json.Utf8JsonReader"/> gives, for every
/// usage object, valid or not: a line whose names are escaped is read by the reader alone, so the same line written
/// both ways must price (or be rejected) the same.</summary>
public class PlainUsageTests
{
    private static readonly string[] Space = ["", "", "", " ", "\t", "  "];

    private static string Number(Random random) => random.Next(30) switch
    {
        0 => "-5",
        1 => "1.5",
        2 => "1e3",
        3 => "007",
        4 => "null",
        5 => "\"12\"",
        6 => "12345678901234567890",
        7 => "999999999999999999",
        _ => random.Next(0, 5000).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Usage(Random random)
    {
        string S() => Space[random.Next(Space.Length)];
        var fields = new List<string>();
        string input = random.Next(2) == 0 ? "prompt_tokens" : "input_tokens";
        string output = random.Next(2) == 0 ? "completion_tokens" : "output_tokens";
        if (random.Next(12) > 0)
        {
            fields.Add($"\"{input}\"{S()}:{S()}{Number(random)}");
        }

        if (random.Next(12) > 0)
        {
            fields.Add($"\"{output}\"{S()}:{S()}{Number(random)}");
        }

        if (random.Next(3) > 0)
        {
            var details = new List<string>();
            if (random.Next(2) == 0)
            {
                details.Add($"\"cached_tokens\":{S()}{Number(random)}");
            }

            if (random.Next(2) == 0)
            {
                details.Add($"\"audio_tokens\":{Number(random)}");
            }

            if (random.Next(3) == 0)
            {
                details.Add("\"text_tokens\":3");
            }

            string name = random.Next(2) == 0 ? "prompt_tokens_details" : "input_tokens_details";
            fields.Add(random.Next(15) == 0 ? $"\"{name}\":null" : $"\"{name}\":{S()}{{{S()}{string.Join($",{S()}", details)}{S()}}}");
        }

        if (random.Next(3) > 0)
        {
            string details = random.Next(2) == 0 ? $"\"reasoning_tokens\":0,\"audio_tokens\":{Number(random)}" : $"\"audio_tokens\":{Number(random)}";
            string name = random.Next(2) == 0 ? "completion_tokens_details" : "output_tokens_details";
            fields.Add($"\"{name}\":{{{details}}}");
        }

        switch (random.Next(10))
        {
            case 0:
                fields.Add("\"total_tokens\":100");
                break;
            case 1:
                fields.Add("\"extra\":[1,2]");
                break;
            case 2:
                fields.Add("\"prompt_tokens\":40");
                break;
            case 3:
                fields.Add("\"n\\u0061me\":1");
                break;
        }

        fields = [.. fields.OrderBy(_ => random.Next())];
        return $"{{{S()}{string.Join($"{S()},{S()}", fields)}{S()}}}";
    }

    private static string Outcome(string line)
    {
        var rejections = new TraceRejections();
        using var source = UsageFormats.Open(UsageFiles.Write(line + "\n"), TestData.Catalog,
            new TraceOptions { Format = ResponseLogSource.FormatKey, SkipInvalid = true, RequireRequests = false }, rejections);
        if (source.TryRead(out var row))
        {
            return $"row {row.Usage} {row.Cost.TotalPicodollars}";
        }

        var rejection = rejections.First.Should().ContainSingle().Subject;
        // The byte of a JSON error is not compared: the two paths have counted it one apart since before the plain form.
        return $"rejected {rejection.Kind} {System.Text.RegularExpressions.Regex.Replace(rejection.Message, "at byte [0-9]+", "at byte N")}";
    }

    [Fact]
    public void UsageObjects_PlainOrNot_PriceAsTheJsonReaderReadsThem()
    {
        var random = new Random(10);
        int plainRows = 0;
        for (int i = 0; i < 1_500; i++)
        {
            string usage = Usage(random);
            // The same length both ways, so that a message's byte position is the same: an unused first name, escaped or not.
            string fast = $$"""{"cxxxxx":0,"created":1768471200,"model":"gpt-audio-mini","usage":{{usage}}}""";
            string reader = $$"""{"c\u0061":0,"created":1768471200,"model":"gpt-audio-mini","usage":{{usage}}}""";

            string expected = Outcome(reader);
            Outcome(fast).Should().Be(expected, $"usage {usage} was read as {Outcome(fast)} and by the reader as {expected}");
            plainRows += expected.StartsWith("row", StringComparison.Ordinal) ? 1 : 0;
        }

        // Both kinds were exercised: many valid objects and many refused ones.
        plainRows.Should().BeInRange(200, 1_300);
    }

    [Theory]
    [InlineData("""{"prompt_tokens":1500,"completion_tokens":800,"prompt_tokens_details":{"cached_tokens":200,"audio_tokens":1000},"completion_tokens_details":{"audio_tokens":600}}""", 300, 200, 1000, 200, 600)]
    [InlineData("""{ "input_tokens" : 500 , "input_tokens_details" : { "cached_tokens" : 100 } , "output_tokens" : 50 , "output_tokens_details" : { "reasoning_tokens" : 10 } }""", 400, 100, 0, 50, 0)]
    public void TryRead_PlainUsage_SubtractsTheSubsets(string usage, long text, long cached, long audio, long textOut, long audioOut)
    {
        PlainUsage.TryRead(Encoding.UTF8.GetBytes(usage), out var parts).Should().BeTrue();

        parts.Should().Be(new UsageParts { TextInput = text, CachedTextInput = cached, AudioInput = audio, TextOutput = textOut, AudioOutput = audioOut });
    }

    [Theory]
    [InlineData("""{"prompt_tokens":10}""")]
    [InlineData("""{"prompt_tokens":10,"completion_tokens":-1}""")]
    [InlineData("""{"prompt_tokens":10,"completion_tokens":1.0}""")]
    [InlineData("""{"prompt_tokens":10,"completion_tokens":2,"prompt_tokens_details":{"audio_tokens":11}}""")]
    [InlineData("""{"prompt_tokens":10 "completion_tokens":2}""")]
    [InlineData("""{"pr\u006fmpt_tokens":10,"completion_tokens":2}""")]
    public void TryRead_AnythingButThePlainValidForm_IsLeftToTheReader(string usage)
    {
        PlainUsage.TryRead(Encoding.UTF8.GetBytes(usage), out _).Should().BeFalse();
    }
}
