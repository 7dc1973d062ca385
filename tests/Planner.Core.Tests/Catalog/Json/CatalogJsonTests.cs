using System.Text.Json.Nodes;
using Planner.Core.Catalog.Json;

namespace Planner.Core.Tests.Catalog.Json;

public class CatalogJsonTests
{
    private static IReadOnlyList<string> Errors(JsonNode json) => Errors(json.ToJsonString());

    private static IReadOnlyList<string> Errors(string text)
    {
        var result = CatalogJson.Parse(text);
        result.IsValid.Should().BeFalse();
        result.Catalog.Should().BeNull("an invalid catalog is never returned");
        return result.Errors.Select(e => e.ToString()).ToList();
    }

    private static JsonObject Edited(Action<JsonObject> edit)
    {
        var json = TestCatalogs.Json();
        edit(json);
        return json;
    }

    [Fact]
    public void Parse_BundledCatalog_IsValid()
    {
        var result = CatalogJson.Parse(File.ReadAllText(TestCatalogs.BundledPath));

        result.Errors.Should().BeEmpty();
        result.Catalog!.Models.Select(m => m.Id).Should().Equal("gpt-audio-mini", "gpt-audio", "gpt-4o-audio-preview", "gpt-4o-mini-audio-preview");
    }

    [Fact]
    public void Parse_MissingFields_EachNamedByItsPath()
    {
        var json = Edited(j =>
        {
            j.Remove("version");
            TestCatalogs.Model(j, "gpt-audio-mini").Remove("display_name");
            TestCatalogs.Prices(j, "gpt-audio").Remove("audio_output");
            TestCatalogs.Model(j, "gpt-4o-audio-preview")["tiers"]!["entries"]![2]!.AsObject().Remove("tpm");
        });

        Errors(json).Should().Equal(
            "version: is required",
            "models[0].display_name: is required",
            "models[1].prices[0].audio_output: is required",
            "models[2].tiers.entries[2].tpm: is required for a supported tier");
    }

    [Fact]
    public void Parse_MissingPriceHistory_IsRequired()
    {
        Errors(Edited(j => TestCatalogs.Model(j, "gpt-audio").Remove("prices"))).Should().Equal("models[1].prices: is required");
    }

    [Fact]
    public void Parse_DuplicateModelId_NamesBothPlaces()
    {
        var json = Edited(j =>
        {
            var copy = TestCatalogs.Model(j, "gpt-audio-mini").DeepClone().AsObject();
            copy["snapshots"] = new JsonArray();
            j["models"]!.AsArray().Add(copy);
        });

        Errors(json).Should().Equal("models[4].id: duplicate model id 'gpt-audio-mini' (also models[0])");
    }

    [Fact]
    public void Parse_DuplicateSnapshotId_NamesBothPlaces()
    {
        var json = Edited(j => TestCatalogs.Model(j, "gpt-audio")["snapshots"]!.AsArray().Add(new JsonObject { ["id"] = "gpt-audio-mini-2025-10-06" }));

        Errors(json).Should().Equal("models[1].snapshots[1].id: duplicate name 'gpt-audio-mini-2025-10-06' (also models[0].snapshots[0])");
    }

    [Theory]
    [InlineData("text_input", -1)]
    [InlineData("audio_output", -0.01)]
    public void Parse_NegativePrice_IsRefusedWithTheValue(string meter, double price)
    {
        var json = Edited(j => TestCatalogs.Prices(j, "gpt-audio")[meter] = (decimal)price);

        Errors(json).Should().Equal($"models[1].prices[0].{meter}: must be >= 0, got {(decimal)price}");
    }

    [Fact]
    public void Parse_NegativeMonthlyUsageLimit_IsRefused()
    {
        var json = Edited(j => TestCatalogs.Model(j, "gpt-audio-mini")["tiers"]!["entries"]![3]!["monthly_usage_limit_usd"] = -5);

        Errors(json).Should().Equal("models[0].tiers.entries[3].monthly_usage_limit_usd: must be >= 0, got -5");
    }

    [Fact]
    public void Parse_AliasPointingNowhere_NamesTheMissingTarget()
    {
        var json = Edited(j => j["aliases"] = new JsonObject { ["gpt-audio-latest"] = "gpt-audio-9" });

        Errors(json).Should().Equal("aliases.gpt-audio-latest: points to 'gpt-audio-9', which is no model or snapshot in this catalog");
    }

    [Fact]
    public void Parse_AliasToAModelWithAnError_ReportsOnlyThatError()
    {
        var json = Edited(j =>
        {
            TestCatalogs.Prices(j, "gpt-audio")["audio_input"] = -32;
            j["aliases"] = new JsonObject { ["best"] = "gpt-audio" };
        });

        Errors(json).Should().Equal("models[1].prices[0].audio_input: must be >= 0, got -32");
    }

    [Fact]
    public void Parse_AliasShadowingAModel_IsRefused()
    {
        var json = Edited(j => j["aliases"] = new JsonObject { ["gpt-audio"] = "gpt-audio-mini" });

        Errors(json).Should().Equal("aliases.gpt-audio: alias 'gpt-audio' is already a model or snapshot id");
    }

    [Fact]
    public void Parse_TwoPriceSetsOnTheSameDate_Overlap()
    {
        var json = Edited(j =>
        {
            var prices = TestCatalogs.Model(j, "gpt-audio-mini")["prices"]!.AsArray();
            prices.Add(prices[0]!.DeepClone());
        });

        Errors(json).Should().Equal("models[0].prices[1].effective_from: 2025-10-06 is the same date as models[0].prices[0]: two price sets overlap");
    }

    [Fact]
    public void Parse_PriceSetsOutOfDateOrder_AreRefused()
    {
        var json = Edited(j =>
        {
            var prices = TestCatalogs.Model(j, "gpt-audio-mini")["prices"]!.AsArray();
            var earlier = prices[0]!.DeepClone();
            earlier["effective_from"] = "2025-01-01";
            prices.Add(earlier);
        });

        Errors(json).Should().Equal("models[0].prices[1].effective_from: 2025-01-01 is before models[0].prices[0]'s 2025-10-06: price sets must be in ascending date order");
    }

    [Fact]
    public void Parse_TruncatedFile_IsNotValidJsonWithItsPosition()
    {
        string text = File.ReadAllText(TestCatalogs.BundledPath);
        int cut = text.IndexOf("\"models\"", StringComparison.Ordinal);
        int line = text[..cut].Count(c => c == '\n') + 1;
        int column = cut - text.LastIndexOf('\n', cut - 1);

        var errors = Errors(text[..cut]);

        errors.Should().Equal($"not valid JSON at line {line}, byte {column}: Expected start of a property name or value, but instead reached end of data.");
    }

    [Fact]
    public void Parse_EmptyFile_IsNotValidJson()
    {
        Errors("").Should().ContainSingle().Which.Should().StartWith("not valid JSON at ");
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEveryOneAtOnce()
    {
        var json = Edited(j =>
        {
            TestCatalogs.Prices(j, "gpt-audio")["audio_input"] = -32;
            TestCatalogs.Model(j, "gpt-4o-audio-preview")["id"] = "gpt-audio";
            j["aliases"] = new JsonObject { ["cheap"] = "nowhere" };
        });

        Errors(json).Should().Equal(
            "models[1].prices[0].audio_input: must be >= 0, got -32",
            "models[2].id: duplicate model id 'gpt-audio' (also models[1])",
            "aliases.cheap: points to 'nowhere', which is no model or snapshot in this catalog");
    }

    [Fact]
    public void Load_InvalidFile_ThrowsListingEveryErrorWithTheFileName()
    {
        string path = Path.Combine(Path.GetTempPath(), $"planner-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, Edited(j =>
        {
            TestCatalogs.Prices(j, "gpt-audio")["text_input"] = -1;
            j["aliases"] = new JsonObject { ["cheap"] = "nowhere" };
        }).ToJsonString());
        try
        {
            var act = () => CatalogJson.Load(path);

            act.Should().Throw<PlannerException>().Which.Message.Should().Be(
                $"{path}: catalog is not valid (2 errors):{Environment.NewLine}" +
                $"  models[1].prices[0].text_input: must be >= 0, got -1{Environment.NewLine}" +
                "  aliases.cheap: points to 'nowhere', which is no model or snapshot in this catalog");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_MissingFile_SaysItCannotRead()
    {
        string path = Path.Combine(Path.GetTempPath(), $"planner-missing-{Guid.NewGuid():N}.json");

        var act = () => CatalogJson.Load(path);

        act.Should().Throw<PlannerException>().Which.Message.Should().StartWith($"{path}: cannot read catalog: ");
    }
}
