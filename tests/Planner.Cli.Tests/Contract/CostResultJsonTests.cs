using System.Text;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Services;

namespace Planner.Cli.Tests.Contract;

public class CostResultJsonTests
{
    private static string Serialize(CostQuery query) =>
        Encoding.UTF8.GetString(PlannerJson.ToUtf8(CostService.Run(query, ContractCatalog.Bundled, CliRunner.Now), PlannerJson.Context.CostResult));

    [Fact]
    public void CostResult_Json_HasExactlyThePinnedFieldNames()
    {
        // On 2026-12-01 gpt-audio-mini is deprecated, so the warnings list has an item whose keys are pinned too.
        string json = Serialize(new CostQuery { Model = "gpt-audio-mini", AudioInSeconds = 120, AudioOutSeconds = 60, Requests = 10, At = "2026-12-01" });

        string[] expected =
        [
            "model", "requests", "prices_effective_from",
            "tokens", .. JsonPaths.Meters("tokens"),
            "prices_usd_per_1m", .. JsonPaths.Meters("prices_usd_per_1m"),
            "breakdown_usd", .. JsonPaths.Meters("breakdown_usd"),
            "per_request_breakdown_usd", .. JsonPaths.Meters("per_request_breakdown_usd"),
            "per_request_usd", "total_usd",
            "warnings", "warnings[].key", "warnings[].message",
            "assumptions", "assumptions[].name", "assumptions[].value", "assumptions[].why",
        ];
        JsonPaths.Of(json).Should().BeEquivalentTo(expected);
    }

    [Fact]
    public void CostResult_Json_MoneyIsExactAndWorkedByHand()
    {
        // gpt-audio-mini: audio input $10 / 1M, audio output $20 / 1M; 120 s x 10 tokens/s in, 60 s x 20 tokens/s out.
        var result = CostService.Run(new CostQuery { Model = "gpt-audio-mini", AudioInSeconds = 120, AudioOutSeconds = 60, Requests = 10 }, ContractCatalog.Bundled, CliRunner.Now);
        string json = Encoding.UTF8.GetString(PlannerJson.ToUtf8(result, PlannerJson.Context.CostResult));

        decimal perRequest = 120 * 10 * 10.00m / 1_000_000 + 60 * 20 * 20.00m / 1_000_000;
        result.PerRequestUsd.Value.Should().Be(perRequest);
        result.TotalUsd.Value.Should().Be(10 * perRequest);
        json.Should().Contain("\"per_request_usd\": 0.036,").And.Contain("\"total_usd\": 0.36,")
            .And.Contain("\"audio_input\": 0.12,", "the breakdown is the decimal's text with trailing zeros removed");
    }

    [Fact]
    public void CostResult_Json_OmitsTheSnapshotWhenNoneWasNamed()
    {
        string json = Serialize(new CostQuery { Model = "gpt-audio-mini", TextIn = 1 });

        JsonPaths.Of(json).Should().NotContain("snapshot");
    }
}
