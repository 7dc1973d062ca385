using System.Text;
using Planner.Contract;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Services;

namespace Planner.Cli.Tests.Contract;

public class CompareResultJsonTests
{
    private static readonly CompareQuery Query = new() { Models = ["gpt-audio", "gpt-audio-mini"], AudioInSeconds = 120, AudioOutSeconds = 60, Requests = 2, At = "2026-12-01" };

    [Fact]
    public void CompareResult_Json_HasExactlyThePinnedFieldNames()
    {
        var result = CompareService.Run(Query, ContractCatalog.Bundled, CliRunner.Now);
        string json = Encoding.UTF8.GetString(PlannerJson.ToUtf8(result, PlannerJson.Context.CompareResult));

        string[] expected =
        [
            "requests", "baseline",
            "models", "models[].model",
            "models[].tokens", .. JsonPaths.Meters("models[].tokens"),
            "models[].prices_usd_per_1m", .. JsonPaths.Meters("models[].prices_usd_per_1m"),
            "models[].breakdown_usd", .. JsonPaths.Meters("models[].breakdown_usd"),
            "models[].per_request_usd", "models[].total_usd", "models[].ratio_to_baseline", "models[].difference_usd",
            "warnings", "warnings[].key", "warnings[].message",
            "assumptions", "assumptions[].name", "assumptions[].value", "assumptions[].why",
        ];
        JsonPaths.Of(json).Should().BeEquivalentTo(expected);
    }

    [Fact]
    public void CompareResult_MoneyIsWorkedByHand()
    {
        var result = CompareService.Run(Query, ContractCatalog.Bundled, CliRunner.Now);

        // 1,200 audio tokens in and 1,200 out per request; gpt-audio $32 / $64 per 1M, gpt-audio-mini $10 / $20.
        decimal gptAudio = 2 * (1_200 * 32.00m + 1_200 * 64.00m) / 1_000_000;
        decimal mini = 2 * (1_200 * 10.00m + 1_200 * 20.00m) / 1_000_000;
        result.Models[0].TotalUsd.Value.Should().Be(gptAudio);
        result.Models[1].TotalUsd.Value.Should().Be(mini);
        result.Models[1].DifferenceUsd.Value.Should().Be(mini - gptAudio);
        result.Models[1].RatioToBaseline.Should().Be(Math.Round(mini / gptAudio, 6));
    }

    [Fact]
    public void CompareQuery_OneModelAndNoRequests_ReportsBoth()
    {
        new CompareQuery { Models = ["gpt-audio"], Requests = 0, TextIn = 1 }.Validate().Select(e => e.Field).Should().Equal("models", "requests");
    }
}
