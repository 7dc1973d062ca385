using Planner.Core.Ingest;
using Planner.Core.Pricing;
using Planner.Core.Traces;

namespace Planner.Core.Tests.Ingest;

public class ResponseLogSourceTests
{
    // Chat Completions response (API reference "The chat completion object"): audio and cached tokens are inside prompt_tokens
    // and completion_tokens.
    private const string ChatLine =
        """{"id":"chatcmpl-A1","object":"chat.completion","created":1768471200,"model":"gpt-audio-mini-2025-12-15","choices":[{"index":0,"message":{"role":"assistant","content":null,"audio":{"id":"audio_1","data":"UklGRg==","expires_at":1768474800,"transcript":"Hi"}},"finish_reason":"stop"}],"usage":{"prompt_tokens":1500,"completion_tokens":800,"total_tokens":2300,"prompt_tokens_details":{"cached_tokens":200,"audio_tokens":1000},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":600,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}}}""";

    private static List<TraceRequest> Read(string text, TraceRejections? rejections = null, TraceOptions? options = null)
    {
        using var source = UsageFormats.Open(UsageFiles.Write(text), TestData.Catalog, options ?? new TraceOptions(), rejections ?? new TraceRejections());
        var rows = new List<TraceRequest>();
        while (source.TryRead(out var row))
        {
            rows.Add(row);
        }

        return rows;
    }

    [Fact]
    public void ChatCompletion_AudioAndCachedInsideTheTotals_AreSubtractedPerDirection()
    {
        var row = Read(ChatLine + "\n").Single();

        // text in = 1,500 - 1,000 audio - 200 cached = 300; text out = 800 - 600 audio = 200.
        row.Usage.Should().Be(Usage.Of(textInput: 300, cachedInput: 200, audioInput: 1000, textOutput: 200, audioOutput: 600));
        row.Timestamp.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1768471200));
        row.Model.BillingId.Should().Be("gpt-audio-mini-2025-12-15");
        // gpt-audio-mini: text 0.60, cached at the text rate (none listed), audio in 10, text out 2.40, audio out 20 per 1M.
        row.Cost.Total.Value.Should().Be((300 * 0.60m + 200 * 0.60m + 1000 * 10m + 200 * 2.40m + 600 * 20m) / 1_000_000);
    }

    [Fact]
    public void ResponsesApi_InputAndOutputTokensWithDetails_AreReadWithTheSameSemantics()
    {
        const string line = """{"id":"resp_1","object":"response","created_at":1768471200,"status":"completed","model":"gpt-audio-mini","max_output_tokens":1000,"output":[],"usage":{"input_tokens":500,"input_tokens_details":{"cached_tokens":100},"output_tokens":50,"output_tokens_details":{"reasoning_tokens":10},"total_tokens":550}}""";

        var row = Read(line).Single();

        row.Usage.Should().Be(Usage.Of(textInput: 400, cachedInput: 100, textOutput: 50));
        row.MaxTokens!.Value.Value.Should().Be(1000);
        row.Cost.Total.Value.Should().Be((400 * 0.60m + 100 * 0.60m + 50 * 2.40m) / 1_000_000);
    }

    [Fact]
    public void MinimalLine_WithTimestampModelAndUsage_IsARequest()
    {
        const string line = """{"timestamp":"2026-01-15T09:30:00Z","model":"gpt-audio","usage":{"prompt_tokens":10,"completion_tokens":20}}""";

        var row = Read("\n" + line + "\n\n").Single();

        row.Line.Should().Be(2);
        row.Timestamp.Should().Be(new DateTimeOffset(2026, 1, 15, 9, 30, 0, TimeSpan.Zero));
        row.Usage.Should().Be(Usage.Of(textInput: 10, textOutput: 20));
    }

    [Fact]
    public void PartsLargerThanTheirTotal_AreABadRow_NeverANegativeCount()
    {
        const string line = """{"created":1768471200,"model":"gpt-audio-mini","usage":{"prompt_tokens":1000,"completion_tokens":10,"prompt_tokens_details":{"cached_tokens":200,"audio_tokens":900}}}""";
        string path = UsageFiles.Write(ChatLine + "\n" + line + "\n");
        using var source = UsageFormats.Open(path, TestData.Catalog, new TraceOptions(), new TraceRejections());

        source.TryRead(out _).Should().BeTrue();
        var read = () => source.TryRead(out _);

        read.Should().Throw<PlannerException>().WithMessage(
            $"{path}:2: usage.prompt_tokens: audio_tokens (900) + cached_tokens (200) = 1,100 exceed prompt_tokens of 1,000; they are parts of it (text = total - audio - cached)");
    }

    [Fact]
    public void OutputAudioLargerThanCompletionTokens_IsABadRow()
    {
        const string line = """{"created":1768471200,"model":"gpt-audio-mini","usage":{"prompt_tokens":10,"completion_tokens":100,"completion_tokens_details":{"audio_tokens":101}}}""";
        var rejections = new TraceRejections();

        Read(line, rejections, new TraceOptions { SkipInvalid = true }).Should().BeEmpty();

        rejections.First.Single().Should().Be(new TraceRejection(1, UsageRejectionKinds.PartsExceedTotal,
            "usage.completion_tokens: audio_tokens = 101 exceed completion_tokens of 100; they are parts of it (text = total - audio - cached)"));
    }

    [Fact]
    public void MalformedLines_AreListedWithLineFieldAndReason()
    {
        string text = string.Join("\n",
            """{"created":1768471200,"model":"gpt-audio-mini","choices":[]}""",
            """{"created":1768471200,"model":"gpt-audio-mini","usage":{"prompt_tokens":10,"completion_tokens":2""",
            """{"created":1768471200,"usage":{"prompt_tokens":10,"completion_tokens":2}}""",
            """{"created":1768471200,"model":"gpt-9","usage":{"prompt_tokens":10,"completion_tokens":2}}""",
            """{"created":1768471200,"model":"gpt-audio-mini","usage":{"prompt_tokens":-1,"completion_tokens":2}}""",
            """{"created":1768471200,"model":"gpt-audio-mini","usage":{"completion_tokens":2}}""",
            ChatLine);
        var rejections = new TraceRejections();

        var rows = Read(text, rejections, new TraceOptions { SkipInvalid = true });

        rows.Should().ContainSingle().Which.Line.Should().Be(7);
        rejections.First.Select(r => (r.Line, r.Kind)).Should().Equal(
            (1, UsageRejectionKinds.MissingUsage), (2, UsageRejectionKinds.InvalidJson), (3, TraceRejectionKinds.MissingField),
            (4, TraceRejectionKinds.UnknownModel), (5, TraceRejectionKinds.UnparsableField), (6, UsageRejectionKinds.MissingUsage));
        rejections.First[0].Message.Should().Be("usage: missing; each line must carry the response's usage object");
        rejections.First[1].Message.Should().StartWith("json: not valid JSON (truncated or malformed) at byte ");
        rejections.First[4].Message.Should().Be("usage.prompt_tokens: must be a whole number >= 0, got '-1'");
        rejections.First[5].Message.Should().Be("usage.prompt_tokens: missing; the usage object has no input total");
    }

    [Fact]
    public void Reading_KeepsRowsBalanced_ReadEqualsPricedPlusRejected()
    {
        string text = ChatLine + "\n{\"created\":1,\"model\":\"gpt-audio-mini\"}\n" + ChatLine + "\n";
        var rejections = new TraceRejections();
        using var source = UsageFormats.Open(UsageFiles.Write(text), TestData.Catalog, new TraceOptions { SkipInvalid = true }, rejections);

        while (source.TryRead(out _))
        {
        }

        source.RowsRead.Should().Be(3);
        source.RowsPriced.Should().Be(2);
        rejections.Count.Should().Be(1);
    }

    [Fact]
    public void TryRead_ManyValidLines_AllocatesNothingPerLine()
    {
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < 20_000; i++)
        {
            text.Append(ChatLine.Replace("1768471200", (1768471200 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)).Append('\n');
        }

        using var source = UsageFormats.Open(UsageFiles.Write(text.ToString()), TestData.Catalog, new TraceOptions(), new TraceRejections());
        var costs = new TraceCosts();
        for (int i = 0; i < 1_000; i++)
        {
            source.TryRead(out var warm).Should().BeTrue();
            costs.Add(warm);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        int read = 0;
        while (source.TryRead(out var row))
        {
            costs.Add(row);
            read++;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        read.Should().Be(19_000);
        // A string, a boxed value or a new array per line would be 20+ bytes a line; a buffer refill or an hour bucket is not.
        allocated.Should().BeLessThan(19_000, "reading and summing a valid line allocates nothing");
    }

    [Fact]
    public void Price_ALineEarlierThanTheOneBefore_IsCountedInItsOwnHour()
    {
        const string later = """{"created":1768471200,"model":"gpt-audio","usage":{"prompt_tokens":10,"completion_tokens":20}}""";
        const string earlier = """{"created":1768460000,"model":"gpt-audio","usage":{"prompt_tokens":10,"completion_tokens":20}}""";
        var costs = new TraceCosts();

        foreach (var row in Read(later + "\n" + earlier + "\n"))
        {
            costs.Add(row);
        }

        // 2026-01-15 10:00 and 06:53 UTC: two hours, one day, the first request the earlier one.
        costs.ByHour.Select(h => h.Requests).Should().Equal(1, 1);
        costs.ByDay.Should().ContainSingle().Which.Requests.Should().Be(2);
        costs.First.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1768460000));
    }
}
