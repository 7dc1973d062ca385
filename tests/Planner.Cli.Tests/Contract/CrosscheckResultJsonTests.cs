using System.Text;
using Planner.Contract.Json;
using Planner.Contract.Queries;
using Planner.Contract.Results;
using Planner.Contract.Services;
using Planner.Core.Crosscheck;

namespace Planner.Cli.Tests.Contract;

public class CrosscheckResultJsonTests
{
    /// <summary>gpt-audio with its 2025-10-02 audio prices ($40 / $80 per 1M, since cut to $32 / $64), in LiteLLM's per-token form.</summary>
    private const string LiteLlm = """
        {"gpt-audio": {"input_cost_per_token": 2.5e-06, "output_cost_per_token": 1e-05, "input_cost_per_audio_token": 4e-05,
          "output_cost_per_audio_token": 8e-05, "max_input_tokens": 128000, "max_output_tokens": 16384, "litellm_provider": "openai"}}
        """;

    private static CrosscheckResult Run()
    {
        string path = Path.Combine(Path.GetTempPath(), "planner-crosscheck-contract-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, LiteLlm);
        return CrosscheckService.Run(new CrosscheckQuery { At = "2026-01-15" }, ContractCatalog.Bundled, [LiteLlmReader.Read(path)], DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public void CrosscheckResult_Json_HasExactlyThePinnedFieldNames()
    {
        string json = Encoding.UTF8.GetString(PlannerJson.ToUtf8(Run(), PlannerJson.Context.CrosscheckResult));

        JsonPaths.Of(json).Should().BeEquivalentTo(
            "at", "tolerance_usd_per_1m", "sources", "sources[].source", "sources[].file", "compared", "agrees",
            "disagreements", "disagreements[].source", "disagreements[].model", "disagreements[].field", "disagreements[].kind",
            "disagreements[].planner", "disagreements[].reference", "disagreements[].reference_path",
            "not_listed", "not_listed[].source", "not_listed[].model", "warnings");
        json.Should().Contain("\"at\": \"2026-01-15\",").And.Contain("\"tolerance_usd_per_1m\": 0.000001,");
    }

    [Fact]
    public void CrosscheckResult_ListsTheOldAudioPricesAsPriceDisagreements()
    {
        var result = Run();

        // 4e-05 and 8e-05 USD per token are $40 and $80 per 1M; Planner's catalog has $32 and $64 on 2026-01-15.
        result.Agrees.Should().BeFalse();
        result.Disagreements.Select(d => (d.Field, d.Kind, d.Planner, d.Reference))
            .Should().Equal(("audio_input", "price", "32", (0.00004m * 1_000_000).ToString("0")), ("audio_output", "price", "64", (0.00008m * 1_000_000).ToString("0")));
        result.NotListed.Should().Contain(new CrosscheckNotListed("LiteLLM", "gpt-audio-mini"));
    }

    [Fact]
    public void CrosscheckQuery_Validate_NamesTheAtField()
    {
        new CrosscheckQuery { At = "soon" }.Validate().Should().ContainSingle()
            .Which.Should().Be(new Planner.Contract.FieldError("at", "at must be an ISO-8601 date such as 2026-12-01, got 'soon'"));
    }
}
