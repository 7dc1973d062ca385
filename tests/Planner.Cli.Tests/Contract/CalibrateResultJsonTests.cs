using System.Text;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Contract.Services;
using Planner.Core;
using Planner.Core.Ingest;
using Planner.Core.Traces;

namespace Planner.Cli.Tests.Contract;

public class CalibrateResultJsonTests
{
    private static string Usage(string name) => Path.Combine(CliRunner.DataDirectory, "usage", name);

    private static CalibrateResult Run(CalibrateQuery query, string file)
    {
        using var source = UsageFormats.Open(Usage(file), ContractCatalog.Bundled, query.ToTraceOptions(DateTimeOffset.UnixEpoch), new TraceRejections());
        return CalibrateService.Run(query, source);
    }

    [Fact]
    public void CalibrateResult_Json_HasExactlyThePinnedFieldNames_WithNullsForWhatTheLogCannotMeasure()
    {
        string json = Encoding.UTF8.GetString(PlannerJson.ToUtf8(Run(new CalibrateQuery(), "responses.jsonl"), PlannerJson.Context.CalibrateResult));

        JsonPaths.Of(json).Should().BeEquivalentTo(
            "trace", "rows_read", "rows_priced", "rows_rejected", "rows_balance", "rejections", "rejections.by_reason", "rejections.first",
            "format", "events_skipped", "requests", "audio_input_tokens_per_second", "audio_input_lines",
            "audio_output_tokens_per_second", "audio_output_lines", "cache_hit_share", "cacheable_responses",
            "cached_input_share", "max_tokens_used", "max_tokens_requests", "options", "warnings");
        json.Should().Contain("\"format\": \"response-log\",");
    }

    [Fact]
    public void CalibrateResult_AudioRates_AreTheLogsTokensOverItsSeconds()
    {
        var result = Run(new CalibrateQuery(), "responses.jsonl");

        // (1,000 + 500 + 1,800) tokens over (95.5 + 48 + 172) s in; (600 + 400 + 1,100) over (29 + 19.5 + 54) s out.
        result.AudioInputTokensPerSecond.Should().BeApproximately(3_300 / 315.5, 1e-6);
        result.AudioOutputTokensPerSecond.Should().BeApproximately(2_100 / 102.5, 1e-6);
        result.AudioInputLines.Should().Be(3);
        result.Options.Should().StartWith("--audio-in-rate 10.46 --audio-out-rate 20.49");
    }

    [Fact]
    public void CalibrateService_OnAUsagePage_RefusesNamingTheFormat()
    {
        var act = () => Run(new CalibrateQuery(), "usage-page.json");

        act.Should().Throw<PlannerException>().WithMessage("*calibrate reads a response log or Realtime events, not usage-pages*");
    }

    [Fact]
    public void CalibrateQuery_Validate_NamesTheFormatField()
    {
        new CalibrateQuery { Format = "csv" }.Validate().Should().ContainSingle()
            .Which.Should().Be(new Planner.Contract.FieldError("format", "format must be response-log or realtime-events, got 'csv'"));
    }
}
