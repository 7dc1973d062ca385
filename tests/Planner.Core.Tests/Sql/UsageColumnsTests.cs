using Planner.Core.Sql;

namespace Planner.Core.Tests.Sql;

public class UsageColumnsTests
{
    [Fact]
    public void Planner_MapsEveryMeterToItsTraceColumn()
    {
        UsageColumns.Planner.Meters.Should().HaveCount(SqlMeters.All.Count);
        UsageColumns.Planner.MeterExpression(SqlMeters.All[0]).Should().Be("input_text_tokens");
        UsageColumns.Planner.Requests.Should().BeNull();
    }

    [Fact]
    public void OpenAiUsage_TextInputIsInputLessCachedAndAudio_ByDefault()
    {
        var textInput = SqlMeters.All.Single(m => m.Field == "input_text_tokens");

        UsageColumns.OpenAiUsage.MeterExpression(textInput).Should().Be("COALESCE(input_tokens, 0) - COALESCE(input_cached_tokens, 0) - COALESCE(input_audio_tokens, 0)");
        UsageColumns.OpenAiUsageTextOnly.MeterExpression(textInput).Should().Be("COALESCE(input_tokens, 0) - COALESCE(input_cached_tokens, 0)");
        UsageColumns.OpenAiUsage.Timestamp.Should().Be("start_time");
        UsageColumns.OpenAiUsage.TimestampIsUnixSeconds.Should().BeTrue();
        UsageColumns.OpenAiUsage.Requests.Should().Be("num_model_requests");
    }

    [Fact]
    public void Parse_PresetThenPairs_SplitsOnlyOnTopLevelCommas()
    {
        var columns = UsageColumns.Parse("openai-usage, model=lower(llm_model), input_audio_tokens=coalesce(a, b)", UsageColumns.Planner, out var errors);

        errors.Should().BeEmpty();
        columns!.Model.Should().Be("lower(llm_model)");
        columns.Meters["input_audio_tokens"].Should().Be("coalesce(a, b)");
        columns.Requests.Should().Be("num_model_requests");
        columns.Name.Should().Be("custom");
    }

    [Fact]
    public void Parse_UnixSeconds_ReplacesTheTimestamp()
    {
        var columns = UsageColumns.Parse("timestamp_unix=created", UsageColumns.Planner, out _);

        columns!.Timestamp.Should().Be("created");
        columns.TimestampIsUnixSeconds.Should().BeTrue();
    }

    [Fact]
    public void Parse_EveryProblem_IsReportedAtOnce()
    {
        var columns = UsageColumns.Parse("nonsense,cost=1,model=,timestamp=a,timestamp_unix=b", UsageColumns.Planner, out var errors);

        columns.Should().BeNull();
        errors.Should().Equal(
            "columns: unknown preset 'nonsense'; presets: planner, openai-usage, openai-usage-text-only, or field=expression pairs",
            "columns: unknown field 'cost'; fields: timestamp, timestamp_unix, model, requests, input_text_tokens, cached_input_tokens, input_audio_tokens, cached_input_audio_tokens, input_image_tokens, cached_input_image_tokens, output_text_tokens, output_audio_tokens",
            "columns: model has no expression",
            "columns: timestamp_unix is given more than once");
    }
}
