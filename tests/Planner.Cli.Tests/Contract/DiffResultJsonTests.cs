using System.Text;
using Planner.Cli.Tests.Commands;
using Planner.Contract;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Contract.Services;
using Planner.Core.Catalog.Json;
using Planner.Core.Pricing;

namespace Planner.Cli.Tests.Contract;

public class DiffResultJsonTests
{
    private static readonly DateTimeOffset March2 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Ten requests of 100,000 audio input tokens on gpt-audio-mini, its audio input raised from $10 to $11.50 per 1M.</summary>
    private static DiffResult Run(decimal? failAbove)
    {
        using var head = new TempCatalog(j => TempCatalog.Prices(j, "gpt-audio-mini")["audio_input"] = 11.50m);
        var voice = new MemoryWorkloads().Add("voice", Enumerable.Range(0, 10).Select(i => ("gpt-audio-mini", March2.AddMinutes(i), Usage.Of(audioInput: 100_000))).ToArray()).Open("voice.csv");
        return DiffService.Run(new DiffQuery { FailAbove = failAbove }, ContractCatalog.Bundled, "base.json", CatalogJson.Load(head.Path), "head.json", [voice]);
    }

    [Fact]
    public void DiffResult_Json_HasExactlyThePinnedFieldNames()
    {
        string json = Encoding.UTF8.GetString(PlannerJson.ToUtf8(Run(failAbove: 10), PlannerJson.Context.DiffResult));

        JsonPaths.Of(json).Where(p => !p.StartsWith("warnings[]", StringComparison.Ordinal)).Should().BeEquivalentTo(
            "passed", "summary", "base", "base.path", "base.version", "head", "head.path", "head.version", "catalog_changes", "warnings",
            "prices", "prices[].model", "prices[].meter", "prices[].effective_from", "prices[].old_usd_per_million", "prices[].new_usd_per_million", "prices[].change_percent",
            "names", "figures", "lifecycle",
            "workloads", "workloads[].name", "workloads[].requests", "workloads[].base_usd", "workloads[].head_usd", "workloads[].change_usd", "workloads[].change_percent",
            "thresholds", "thresholds.fail_above_percent", "thresholds.fail_below_percent",
            "breaches", "breaches[].workload", "breaches[].direction", "breaches[].threshold_percent", "breaches[].change_percent", "breaches[].message");
        json.Should().Contain("\"fail_below_percent\": null");
    }

    [Fact]
    public void DiffResult_WorkloadCosts_AreWorkedByHand_AndTextsNameFieldsNotFlags()
    {
        var result = Run(failAbove: 10);

        // 10 x 100,000 = 1M audio input tokens: $10 at $10 / 1M, $11.50 at $11.50 / 1M: +15%.
        var workload = result.Workloads.Should().ContainSingle().Which;
        (workload.BaseUsd.Value, workload.HeadUsd.Value, workload.ChangeUsd.Value, workload.ChangePercent)
            .Should().Be((1_000_000 * 10m / 1_000_000, 1_000_000 * 11.50m / 1_000_000, 1.50m, (11.50m - 10m) / 10m * 100));
        result.Passed.Should().BeFalse();
        result.Summary.Should().Be("1 price change; 1 workload, largest cost change voice +15% (+$1.5); FAILED: 1 threshold crossed (fail_above 10%)");
        result.Breaches.Should().ContainSingle().Which.Message.Should().Be("voice: cost rose 15% ($10 -> $11.5), more than fail_above 10%");
    }

    [Fact]
    public void DiffQuery_Validate_NamesEveryNegativeThreshold()
    {
        new DiffQuery { FailAbove = -1, FailBelow = -2 }.Validate().Should().Equal(
            new FieldError("fail_above", "fail_above must be a percentage >= 0, got -1"),
            new FieldError("fail_below", "fail_below must be a percentage >= 0, got -2"));
    }
}
