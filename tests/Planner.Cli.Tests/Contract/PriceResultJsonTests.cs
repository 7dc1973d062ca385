using System.Text;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Contract.Services;

namespace Planner.Cli.Tests.Contract;

public class PriceResultJsonTests
{
    private static PriceResult Run(PriceQuery query)
    {
        using var source = ContractTrace.Open(query, forSimulation: false);
        return PriceService.Run(query, ContractCatalog.Bundled, source);
    }

    private static string Json(PriceResult result) => Encoding.UTF8.GetString(PlannerJson.ToUtf8(result, PlannerJson.Context.PriceResult));

    /// <summary>The fields every priced trace has (price and simulate), by path.</summary>
    internal static string[] PricedPaths =>
    [
        "trace", "rows_read", "rows_priced", "rows_rejected", "rows_balance",
        "rejections", "rejections.by_reason", "rejections.by_reason.negative_count", "rejections.first",
        "rejections.first[].line", "rejections.first[].kind", "rejections.first[].message",
        "total_usd", "requests_billed", "tokens", .. JsonPaths.Meters("tokens"), "by_meter_usd", .. JsonPaths.Meters("by_meter_usd"),
        "by_model", "by_model[].model", "by_model[].requests", "by_model[].total_usd", "by_model[].by_meter_usd", .. JsonPaths.Meters("by_model[].by_meter_usd"),
        "per_hour", "per_hour[].start", "per_hour[].requests", "per_hour[].total_usd",
        "per_day", "per_day[].start", "per_day[].requests", "per_day[].total_usd",
        "first_request", "last_request", "span_seconds", "monthly_projection_usd", "monthly_projection_caveat",
        "warnings", "warnings[].key", "warnings[].message",
        "assumptions", "assumptions[].name", "assumptions[].value", "assumptions[].why",
    ];

    [Fact]
    public void PriceResult_Json_HasExactlyThePinnedFieldNames()
    {
        string json = Json(Run(new PriceQuery { SkipInvalid = true, By = "model", ModelOverride = "gpt-audio-mini" }));

        string[] expected = [.. PricedPaths, "model_override", "by", "by.field", "by.groups", "by.groups[].group", "by.groups[].requests", "by.groups[].total_usd"];
        JsonPaths.Of(json).Should().BeEquivalentTo(expected);
    }

    [Fact]
    public void PriceResult_MoneyIsExactAndWorkedByHand()
    {
        var result = Run(new PriceQuery { SkipInvalid = true, By = "model" });
        string json = Json(result);

        result.TotalUsd.Value.Should().Be(ContractTrace.Total);
        result.TotalUsd.Value.Should().Be(0.01984m, "0.00808 + 0.0112 + 0.00056");
        result.ByMeterUsd.Total.Should().Be(result.TotalUsd, "the meters add up to the total");
        result.ByMeterUsd[Planner.Core.Catalog.Meter.AudioOutput].Value.Should().Be(800 * 20m / 1_000_000);
        result.PerHour.Select(h => h.TotalUsd.Value).Should().Equal(ContractTrace.Row1 + ContractTrace.Row2, ContractTrace.Row3);
        result.PerDay.Should().ContainSingle().Which.TotalUsd.Value.Should().Be(ContractTrace.Total);
        result.By!.Groups.Should().ContainSingle().Which.TotalUsd.Should().Be(result.TotalUsd);
        // One hour from first to last request: a 30-day month is 720 of them.
        result.MonthlyProjectionUsd!.Value.Value.Should().Be(ContractTrace.Total * 720);
        json.Should().Contain("\"total_usd\": 0.01984,").And.Contain("\"audio_output\": 0.016").And.Contain("\"monthly_projection_usd\": 14.2848,")
            .And.Contain("\"first_request\": \"2026-12-01T09:00:00Z\",").And.Contain("\"span_seconds\": 3600,");
    }

    [Fact]
    public void PriceResult_RowsBalanceAndTheBadRowIsListedWithItsLine()
    {
        var result = Run(new PriceQuery { SkipInvalid = true });

        (result.RowsRead, result.RowsPriced, result.RowsRejected, result.RowsBalance).Should().Be((4L, 3L, 1L, true));
        result.Rejections.First.Should().ContainSingle().Which.Line.Should().Be(5);
        result.Warnings.Select(w => w.Key).Should().Contain("model_deprecated", "gpt-audio-mini is deprecated on 2026-12-01");
    }

    [Fact]
    public void PriceResult_WithoutGroupsOrOverride_OmitsThemButWritesNullProjection()
    {
        var query = new PriceQuery { SkipInvalid = true };
        string json;
        using (var source = ContractTrace.Open(query, forSimulation: false))
        {
            json = Json(PriceService.Run(query, ContractCatalog.Bundled, source));
        }

        JsonPaths.Of(json).Should().NotContain(["by", "model_override", "engine"]);
    }

    [Fact]
    public void PriceQuery_Validate_ReportsEveryBadFieldByName()
    {
        var query = new PriceQuery { Engine = "spark", By = "team", Format = "xml", Spread = "wide", UsageInputTokens = "some", AudioInRate = 0 };

        query.Validate().Select(e => e.Field).Should().Equal("engine", "by", "format", "usage_input_tokens", "spread", "audio_in_rate");
        query.Validate()[1].Message.Should().Be("by must be project, api_key, user or model, got 'team'");
    }

    [Fact]
    public void PriceQuery_DuckDbWithAudioRates_IsRefusedOnTheEngineField()
    {
        new PriceQuery { Engine = "duckdb", AudioOutRate = 24 }.Validate().Should().ContainSingle()
            .Which.Should().Be(new Planner.Contract.FieldError("engine",
                "audio_in_rate and audio_out_rate convert audio seconds, which engine duckdb does not read; use the streaming engine"));
    }

    [Fact]
    public void Cli_PriceBadOptions_PrintsEveryOneAsAFlag()
    {
        var result = CliRunner.Run("price", "data/traces/voice-support-day.csv", "--by", "team", "--spread", "wide");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Be(
            "planner: --by must be project, api_key, user or model, got 'team'; --spread must be even or poisson, got 'wide'" + Environment.NewLine);
    }
}
