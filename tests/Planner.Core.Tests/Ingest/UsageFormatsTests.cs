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
