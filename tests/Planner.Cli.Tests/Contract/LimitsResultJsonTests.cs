using System.Text;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Services;

namespace Planner.Cli.Tests.Contract;

public class LimitsResultJsonTests
{
    private static readonly string[] TierPaths =
    [
        "tiers", "tiers[].tier", "tiers[].supported", "tiers[].rpm", "tiers[].tpm", "tiers[].monthly_usage_limit_usd",
        "tiers[].qualification", "tiers[].source", "tiers[].assumption", "tiers[].usage_limit_source",
    ];

    [Fact]
    public void LimitsModel_Json_HasExactlyThePinnedFieldNames()
    {
        var result = LimitsService.Run(new LimitsQuery { Model = "gpt-audio-mini" }, ContractCatalog.Bundled, CliRunner.Now);
        string json = Encoding.UTF8.GetString(PlannerJson.ToUtf8(result.Models[0], PlannerJson.Context.LimitsModel));

        JsonPaths.Of(json).Should().BeEquivalentTo(["model", "tiers_on", .. TierPaths]);
    }

    [Fact]
    public void LimitsResult_EveryModel_NestsEachUnderModels()
    {
        var result = LimitsService.Run(new LimitsQuery(), ContractCatalog.Bundled, CliRunner.Now);
        string json = Encoding.UTF8.GetString(PlannerJson.ToUtf8(result, PlannerJson.Context.LimitsResult));

        // Some model's tiers are carried over from another page, so the optional note appears too.
        JsonPaths.Of(json).Should().BeSubsetOf(["models", "models[].model", "models[].tiers_on", .. TierPaths.Select(p => "models[]." + p), "models[].tiers[].assumption_note"])
            .And.Contain(["models", "models[].model", "models[].tiers_on", .. TierPaths.Select(p => "models[]." + p)]);
        result.Models.Should().HaveCount(ContractCatalog.Bundled.Models.Count);
    }

    [Fact]
    public void LimitsTier_FiguresAreTheCatalogs()
    {
        var tiers = LimitsService.Run(new LimitsQuery { Model = "gpt-audio-mini" }, ContractCatalog.Bundled, CliRunner.Now).Models[0].Tiers;

        // On 2026-01-15 Tier 1 of gpt-audio-mini is 500 RPM and 30,000 TPM; Tier 5's monthly usage limit is $200,000.
        tiers[1].Rpm.Should().Be(500);
        tiers[1].Tpm.Should().Be(30_000);
        tiers[5].MonthlyUsageLimitUsd.Value.Should().Be(200_000m);
        tiers[0].Rpm.Should().BeNull("gpt-audio-mini is not offered at the Free tier");
    }
}
