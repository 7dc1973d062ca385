using System.Text;
using Planner.Contract;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Services;

namespace Planner.Cli.Tests.Contract;

public class ModelsResultJsonTests
{
    private static readonly string[] PriceSet =
    [
        "effective_from", "usd_per_1m_tokens", .. JsonPaths.Meters("usd_per_1m_tokens"), "cached_input_listed", "source",
    ];

    private static readonly string[] Rates = ["input_tokens_per_second", "output_tokens_per_second", "assumption", "source"];

    [Fact]
    public void ModelsResult_Json_HasExactlyThePinnedFieldNames()
    {
        var result = ModelsService.Run(new ModelsQuery { At = "2026-08-01" }, ContractCatalog.Bundled, CliRunner.Now);
        string json = Encoding.UTF8.GetString(PlannerJson.ToUtf8(result, PlannerJson.Context.ModelsResult));

        string[] entry =
        [
            "id", "display_name", "description", "aliases", "snapshots", "context_window", "max_output_tokens", "knowledge_cutoff", "api",
            "status", "released", "deprecated", "shutdown", "replacement", "replacement_observed",
            "prices", .. PriceSet.Select(p => "prices[]." + p), "prices_in_effect_from",
            "snapshot_details", "snapshot_details[].id", "snapshot_details[].status", "snapshot_details[].shutdown",
            "snapshot_details[].replacement", "snapshot_details[].prices", "snapshot_details[].prices_in_effect_from",
        ];
        string[] optional = ["audio_token_rates", .. Rates.Select(r => "audio_token_rates." + r), .. PriceSet.Select(p => "snapshot_details[].prices[]." + p)];
        string[] required = ["catalog_version", "at", "audio_token_rates", .. Rates.Select(r => "audio_token_rates." + r), "models", .. entry.Select(e => "models[]." + e)];

        var paths = JsonPaths.Of(json);
        paths.Should().Contain(required);
        paths.Should().BeSubsetOf([.. required, .. optional.Select(o => "models[]." + o)]);
    }

    [Fact]
    public void ModelsResult_OnADay_GivesTheStatusAndPricesThen()
    {
        var result = ModelsService.Run(new ModelsQuery { At = "2026-08-01" }, ContractCatalog.Bundled, CliRunner.Now);
        var mini = result.Models.Single(m => m.Id == "gpt-audio-mini");

        mini.Status.Should().Be("deprecated");
        mini.Replacement.Should().Be("gpt-audio-1.5");
        mini.Prices[0].UsdPer1mTokens[Planner.Core.Catalog.Meter.AudioInput].Should().Be(10.00m);
        mini.Prices[0].UsdPer1mTokens[Planner.Core.Catalog.Meter.CachedTextInput].Should().Be(0.60m, "cached input bills at the text input rate where none is listed");
        mini.Prices[0].CachedInputListed.Should().BeFalse();
    }

    [Fact]
    public void ModelsQuery_BadDate_IsAFieldError()
    {
        new ModelsQuery { At = "someday" }.Validate().Should().Equal(new FieldError("at", "at must be an ISO-8601 date such as 2026-12-01, got 'someday'"));
    }
}
