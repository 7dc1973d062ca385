using Planner.Core.Ingest;
using Planner.Core.Pricing;
using Planner.Core.Traces;

namespace Planner.Core.Tests.Ingest;

/// <summary>The response-log reader steps over values it does not use (choices, content, transcripts) by their
/// brackets and quotes: what it must still find, and what it must still reject.</summary>
public class ResponseLogSkippingTests
{
    // Written from the Chat Completions object's documented shape; the usage is the one the tests price by hand:
    // text in = 1,500 - 1,000 audio - 200 cached = 300; text out = 800 - 600 audio = 200.
    private const string UsageJson =
        """{"prompt_tokens":1500,"completion_tokens":800,"total_tokens":2300,"prompt_tokens_details":{"cached_tokens":200,"audio_tokens":1000},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":600}}""";

    private static readonly Usage Expected = Planner.Core.Pricing.Usage.Of(textInput: 300, cachedInput: 200, audioInput: 1000, textOutput: 200, audioOutput: 600);

    // gpt-audio-mini: text 0.60, cached at the text rate, audio in 10, text out 2.40, audio out 20 per 1M.
    private const decimal ExpectedCost = ((300 * 0.60m) + (200 * 0.60m) + (1000 * 10m) + (200 * 2.40m) + (600 * 20m)) / 1_000_000;

    /// <summary>A choices array with a transcript of <paramref name="words"/> words, escapes included.</summary>
    private static string Choices(int words, string transcript = "")
    {
        var text = string.Concat(Enumerable.Range(0, words).Select(i => i % 7 == 0 ? "caf\\u00e9 \\\"quoted\\\" " : i % 11 == 0 ? "line\\nbreak " : "word "));
        return $$$"""[{"index":0,"message":{"role":"assistant","content":null,"refusal":null,"annotations":[],"audio":{"id":"audio_1","expires_at":1768474800,"transcript":"{{{transcript}}}{{{text}}}"}},"logprobs":null,"finish_reason":"stop"}]""";
    }

    private static (List<TraceRequest> Rows, TraceRejections Rejections) Read(string text, bool skipInvalid = false)
    {
        var rejections = new TraceRejections();
        using var source = UsageFormats.Open(UsageFiles.Write(text), TestData.Catalog, new TraceOptions { SkipInvalid = skipInvalid }, rejections);
        var rows = new List<TraceRequest>();
        while (source.TryRead(out var row))
        {
            rows.Add(row);
        }

        return (rows, rejections);
    }

    private static void ShouldBeTheRequest(TraceRequest row)
    {
        row.Usage.Should().Be(Expected);
        row.Model.BillingId.Should().Be("gpt-audio-mini-2025-12-15");
        row.Timestamp.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1768471200));
        row.Cost.Total.Value.Should().Be(ExpectedCost);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(20_000)]
    public void UsageAfterBigChoices_IsFound(int words)
    {
        string line = $$$"""{"id":"chatcmpl-1","object":"chat.completion","created":1768471200,"model":"gpt-audio-mini-2025-12-15","choices":{{{Choices(words)}}},"usage":{{{UsageJson}}},"service_tier":"default"}""";

        ShouldBeTheRequest(Read(line + "\n").Rows.Single());
    }

    [Theory]
    [InlineData(10)]
    [InlineData(20_000)]
    public void UsageBeforeBigChoices_IsFound_AndTheLaterTimestampStillRead(int words)
    {
        // A logger's wrapper: usage first, the whole response after it (with its own nested usage, skipped).
        string line = $$$"""{"usage":{{{UsageJson}}},"model":"gpt-audio-mini-2025-12-15","response":{"id":"chatcmpl-1","choices":{{{Choices(words)}}},"usage":{"prompt_tokens":1,"completion_tokens":1}},"created":1768471200}""";

        ShouldBeTheRequest(Read(line + "\n").Rows.Single());
    }

    [Fact]
    public void StringsThatSayUsage_InsideSkippedValues_AreNotTheUsage()
    {
        // "usage" as a transcript, as a key inside the message, and after escaped quotes and backslashes.
        string transcript = """\"usage\":{\"prompt_tokens\":999999}, a \\\" quote, a \\\\ backslash \\""";
        string line = $$$"""{"id":"x \"usage\": {","created":1768471200,"choices":[{"message":{"usage":{"prompt_tokens":5,"completion_tokens":5},"content":"usage"}}],"model":"gpt-audio-mini-2025-12-15","meta":{"note":"{{{transcript}}}","usage":"not this"},"usage":{{{UsageJson}}}}""";

        ShouldBeTheRequest(Read(line + "\n").Rows.Single());
    }

    [Fact]
    public void EscapedQuotesAndBackslashes_EndStringsWhereJsonSays()
    {
        // "a\\" ends at its second quote (the backslash is escaped); "b\"" goes on past the escaped quote.
        string line = $$$"""{"a":"a\\","b":"b\"}\"","c":["\\\\",{"d":"\"]"}],"created":1768471200,"model":"gpt-audio-mini-2025-12-15","usage":{{{UsageJson}}}}""";

        ShouldBeTheRequest(Read(line + "\n").Rows.Single());
    }

    [Fact]
    public void EscapedPropertyName_IsStillMatched()
    {
        // "us\u0061ge" is "usage" once unescaped: the line goes through the reader-only path.
        string line = $$$"""{"created":1768471200,"model":"gpt-audio-mini-2025-12-15","choices":{{{Choices(50)}}},"us\u0061ge":{{{UsageJson}}}}""";

        ShouldBeTheRequest(Read(line + "\n").Rows.Single());
    }

    public static TheoryData<string> Malformed() => new()
    {
        // Truncated inside a skipped transcript, inside choices, and inside usage.
        { $$$"""{"created":1768471200,"model":"gpt-audio-mini","choices":[{"message":{"audio":{"transcript":"cut off here""" },
        { $$$"""{"created":1768471200,"model":"gpt-audio-mini","choices":[{"message":{"content":null}""" },
        { $$$"""{"created":1768471200,"model":"gpt-audio-mini","choices":[],"usage":{"prompt_tokens":15""" },
        // Brackets that do not match, a raw tab in a string, a stray character, trailing text after the object.
        { $$$"""{"created":1768471200,"model":"gpt-audio-mini","choices":[{"index":0]],"usage":{{{UsageJson}}}}""" },
        { "{\"created\":1768471200,\"model\":\"gpt-audio-mini\",\"choices\":[{\"content\":\"a\tb\"}],\"usage\":" + UsageJson + "}" },
        { $$$"""{"created":1768471200,"model":"gpt-audio-mini","choices":[{"index":#}],"usage":{{{UsageJson}}}}""" },
        { $$$"""{"created":1768471200,"model":"gpt-audio-mini","usage":{{{UsageJson}}}} trailing""" },
        { $$$"""{"created":1768471200 "model":"gpt-audio-mini","usage":{{{UsageJson}}}}""" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedLine_IsRejectedWithItsLineNumber(string bad)
    {
        string good = $$$"""{"created":1768471200,"model":"gpt-audio-mini-2025-12-15","choices":{{{Choices(30)}}},"usage":{{{UsageJson}}}}""";
        string text = string.Join("\n", good, bad, good) + "\n";

        var (rows, rejections) = Read(text, skipInvalid: true);

        rows.Should().HaveCount(2);
        rejections.First.Should().ContainSingle().Which.Line.Should().Be(2);
        rejections.First[0].Kind.Should().Be(UsageRejectionKinds.InvalidJson);
        rejections.First[0].Message.Should().StartWith("json: ");

        var strict = () => Read(text);
        strict.Should().Throw<PlannerException>().WithMessage("*:2: json: *");
    }
}
