using Planner.Core.Ingest;
using Planner.Core.Pricing;
using Planner.Core.Traces;

namespace Planner.Core.Tests.Ingest;

public class UsageFormatsTests
{
    [Theory]
    [InlineData("timestamp,model,input_text_tokens\n2026-01-15T09:00:00Z,gpt-audio,1\n", ".csv", CsvTraceSource.FormatKey)]
    [InlineData("start_time,model,prompt_tokens,completion_tokens\n1768467600,gpt-audio,1,2\n", ".csv", OpenAiCsvSource.FormatKey)]
    [InlineData("""{"created":1768467600,"model":"gpt-audio","usage":{"prompt_tokens":1,"completion_tokens":2}}""", ".jsonl", ResponseLogSource.FormatKey)]
    [InlineData("""{"type":"session.created","event_id":"e1","session":{"model":"gpt-realtime-mini"}}""", ".jsonl", RealtimeEventSource.FormatKey)]
    [InlineData("{\n \"object\": \"page\",\n \"data\": [{\"object\": \"bucket\", \"start_time\": 1, \"end_time\": 61, \"results\": []}]\n}", ".json", UsagePageSource.FormatKey)]
    public void Detect_TellsEachFormatFromItsContent(string content, string extension, string expected) =>
        UsageFormats.Detect(UsageFiles.Write(content, extension)).Should().Be(expected);

    [Theory]
    [InlineData("timestamp,model,input_text_tokens\n2026-01-15T09:00:00Z,gpt-audio,1000\n", CsvTraceSource.FormatKey)]
    [InlineData("start_time,model,prompt_tokens,completion_tokens\n1768467600,gpt-audio,1000,0\n", OpenAiCsvSource.FormatKey)]
    [InlineData("""{"created":1768467600,"model":"gpt-audio","usage":{"prompt_tokens":1000,"completion_tokens":0}}""", ResponseLogSource.FormatKey)]
    [InlineData("{\"type\":\"response.done\",\"event_id\":\"e1\",\"model\":\"gpt-audio\",\"timestamp\":1768467600,\"response\":{\"usage\":{\"input_tokens\":1000,\"output_tokens\":0,\"input_token_details\":{\"text_tokens\":1000}}}}", RealtimeEventSource.FormatKey)]
    [InlineData("{\n \"object\": \"page\",\n \"data\": [{\"object\": \"bucket\", \"start_time\": 1768467600, \"end_time\": 1768467660, \"results\": [{\"object\": \"organization.usage.completions.result\", \"input_tokens\": 1000, \"output_tokens\": 0, \"num_model_requests\": 1, \"model\": \"gpt-audio\"}]}]\n}", UsagePageSource.FormatKey)]
    public void Open_AStream_DetectsTheFormatFromItsHead_AndPricesAsTheFile(string content, string format)
    {
        // A stream that cannot seek, as an upload's body: the head is peeked and read again.
        using var stream = new NonSeekable(System.Text.Encoding.UTF8.GetBytes(content));
        var rejections = new TraceRejections();

        using var source = UsageFormats.Open(stream, "upload.dat", TestData.Catalog, new TraceOptions(), rejections);
        source.TryRead(out var request).Should().BeTrue();

        source.Format.Should().Be(format);
        source.Path.Should().Be("upload.dat");
        // 1,000 text input tokens of gpt-audio at $2.50 per 1M.
        request.Cost.Total.Value.Should().Be(1_000 * 2.50m / 1_000_000);
    }

    [Fact]
    public void Open_AStreamWithABadLine_NamesTheStreamLineAndField()
    {
        using var stream = new NonSeekable("\n{\"created\":1768467600,\"model\":\"gpt-audio\",\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1,\"prompt_tokens_details\":{\"audio_tokens\":9}}}\n"u8.ToArray());

        using var source = UsageFormats.Open(stream, "upload.jsonl", TestData.Catalog, new TraceOptions(), new TraceRejections());
        var read = () => source.TryRead(out _);

        read.Should().Throw<PlannerException>().WithMessage("upload.jsonl:2: usage.prompt_tokens: audio_tokens (9) + cached_tokens (0) = 9 exceed prompt_tokens of 5; *");
    }

    [Fact]
    public void Open_AnEmptyStream_IsAnError_ListingTheFormats()
    {
        using var stream = new NonSeekable([]);

        var open = () => UsageFormats.Open(stream, "upload.csv", TestData.Catalog, new TraceOptions(), new TraceRejections());

        open.Should().Throw<PlannerException>().WithMessage("upload.csv: the file is empty; expected one of: planner-csv, openai-csv, response-log, realtime-events, usage-pages");
    }

    /// <summary>A read-only stream that cannot seek (as a request body).</summary>
    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }

    [Fact]
    public void Header_WithNoUsageColumn_IsAnError_NamingTheIgnoredAndExpectedColumns()
    {
        string path = UsageFiles.Write("timestamp,model,tokens\n2026-01-15T09:00:00Z,gpt-audio,5\n", ".csv");

        var open = () => UsageFormats.Open(path, TestData.Catalog, new TraceOptions(), new TraceRejections());

        open.Should().Throw<PlannerException>().WithMessage(
            $"{path}:1: header: no token, seconds or usage column Planner reads, so every row would price to $0; ignored: timestamp, model, tokens; expected some of: input_text_tokens, *prompt_tokens, completion_tokens, input_tokens, output_tokens, *");
    }

    [Fact]
    public void Header_WithARepeatedColumn_IsAnError()
    {
        string path = UsageFiles.Write("timestamp,model,input_text_tokens,input_text_tokens\n2026-01-15T09:00:00Z,gpt-audio,5,6\n", ".csv");

        var open = () => UsageFormats.Open(path, TestData.Catalog, new TraceOptions(), new TraceRejections());

        open.Should().Throw<PlannerException>().WithMessage($"{path}:1: header: column 'input_text_tokens' appears 2 times; which one holds the value is ambiguous");
    }

    [Fact]
    public void UndetectableJson_IsAnError_ListingTheFormats()
    {
        string path = UsageFiles.Write("""{"hello":"world"}""");

        var detect = () => UsageFormats.Detect(path);

        detect.Should().Throw<PlannerException>().WithMessage($"{path}: cannot tell the format (JSON with top-level fields hello, which is none of them); Planner reads: planner-csv = *; openai-csv = *; response-log = *; realtime-events = *; usage-pages = *; name one as the format");
    }

    [Fact]
    public void OpenAiCsv_PromptAndCompletionTokens_HaveTheSubsetSemantics()
    {
        string path = UsageFiles.Write(
            "start_time,model,prompt_tokens,completion_tokens,input_cached_tokens,input_audio_tokens,output_audio_tokens\n" +
            "1768467600,gpt-audio-mini,1500,800,200,1000,600\n", ".csv");
        using var source = UsageFormats.Open(path, TestData.Catalog, new TraceOptions(), new TraceRejections());

        source.TryRead(out var row).Should().BeTrue();

        row.Usage.Should().Be(Usage.Of(textInput: 300, cachedInput: 200, audioInput: 1000, textOutput: 200, audioOutput: 600));
        row.Timestamp.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1768467600));
    }

    [Fact]
    public void OpenAiCsv_UsageApiRows_AreThatManyRequestsSharingTheTokens()
    {
        string path = UsageFiles.Write(
            "start_time_iso,model,input_tokens,output_tokens,num_model_requests,project_id\n" +
            "2026-01-15T09:00:00Z,gpt-audio-mini,1001,10,4,proj_a\n", ".csv");
        using var source = UsageFormats.Open(path, TestData.Catalog, new TraceOptions(), new TraceRejections());
        var rows = new List<TraceRequest>();
        while (source.TryRead(out var row))
        {
            rows.Add(row);
            source.GroupOf(UsageGroupBy.Project).Should().Be("proj_a");
        }

        rows.Should().HaveCount(4);
        rows.Select(r => r.Usage.TextInput.Value).Should().Equal(251, 250, 250, 250);
        rows.Sum(r => r.Cost.Total.Value).Should().Be((1001 * 0.60m + 10 * 2.40m) / 1_000_000);
    }
}
