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

    /// <summary>Replaces the first occurrence only, so one figure of one model changes.</summary>
    private static string ReplaceFirst(string text, string old, string @new)
    {
        int at = text.IndexOf(old, StringComparison.Ordinal);
        at.Should().BeGreaterThanOrEqualTo(0, $"'{old}' is in the catalog");
        return text[..at] + @new + text[(at + old.Length)..];
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
        result.Catalog!.Models.Select(m => m.Id).Should().Equal("gpt-audio-mini", "gpt-audio", "gpt-4o-audio-preview", "gpt-4o-mini-audio-preview",
            "gpt-audio-1.5", "gpt-realtime", "gpt-realtime-1.5", "gpt-realtime-2", "gpt-realtime-2.1", "gpt-realtime-mini", "gpt-realtime-2.1-mini",
            "gpt-4o-realtime-preview", "gpt-4o-mini-realtime-preview");
    }

    [Fact]
    public void Parse_MissingFields_EachNamedByItsPath()
    {
        var json = Edited(j =>
        {
            j.Remove("version");
            TestCatalogs.Model(j, "gpt-audio-mini").Remove("display_name");
            TestCatalogs.Prices(j, "gpt-audio").Remove("effective_from");
            TestCatalogs.Model(j, "gpt-4o-audio-preview")["tiers"]![0]!["entries"]![2]!.AsObject().Remove("tpm");
        });

        Errors(json).Should().Equal(
            "version: is required",
            "models[0].display_name: is required",
            "models[1].prices[0].effective_from: is required",
            "models[2].tiers[0].entries[2].tpm: is required for a supported tier");
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

        Errors(json).Should().Equal("models[13].id: duplicate model id 'gpt-audio-mini' (also models[0])");
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
    [InlineData("cached_audio_input", -0.3)]
    [InlineData("image_input", -5)]
    [InlineData("cached_image_input", -0.08)]
    public void Parse_NegativePrice_IsRefusedWithTheValue(string meter, double price)
    {
        var json = Edited(j => TestCatalogs.Prices(j, "gpt-audio")[meter] = (decimal)price);

        Errors(json).Should().Equal($"models[1].prices[0].{meter}: must be >= 0, got {(decimal)price}");
    }

    [Fact]
    public void Parse_NegativeMonthlyUsageLimit_IsRefused()
    {
        var json = Edited(j => j["tier_schemes"]![0]!["tiers"]![3]!["monthly_usage_limit_usd"] = -5);

        Errors(json).Should().Equal("tier_schemes[0].tiers[3].monthly_usage_limit_usd: must be >= 0, got -5");
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

    [Theory]
    [InlineData("Best Audio")]
    [InlineData("a|b")]
    [InlineData("")]
    public void Parse_AliasNameNotAnId_IsRefused(string alias)
    {
        // "a|b" would also break the golden snapshot's table, so verify could never pass.
        var json = Edited(j => j["aliases"] = new JsonObject { [alias] = "gpt-audio" });

        Errors(json).Should().Equal($"aliases.{alias}: alias '{alias}' must be lowercase letters, digits, '.' and '-'");
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
    public void Parse_DuplicatePropertyName_IsAnErrorNotTheLastOneSilently()
    {
        // JsonDocument keeps both and reads the last: the file would price at 99 while a reader sees 0.6.
        string text = File.ReadAllText(TestCatalogs.BundledPath);
        int at = text.IndexOf("\"text_input\"", StringComparison.Ordinal);
        text = text[..at] + "\"text_input\": 99, " + text[at..];

        Errors(text).Should().Equal("models[0].prices[0].text_input: appears twice in the same object; JSON keeps only one of the two, so remove the other");
    }

    [Fact]
    public void Parse_DuplicateAliasName_IsAnError()
    {
        string text = TestCatalogs.Json().ToJsonString().Replace("\"aliases\":{}", "\"aliases\":{\"best\":\"gpt-audio\",\"best\":\"gpt-audio-mini\"}", StringComparison.Ordinal);

        Errors(text).Should().Equal("aliases.best: appears twice in the same object; JSON keeps only one of the two, so remove the other");
    }

    [Fact]
    public void Parse_WrongTypesEverywhere_EachNamedWithWhatItGot()
    {
        var json = Edited(j =>
        {
            j["$schema"] = 1;
            j["currency"] = 1;
            var m = TestCatalogs.Model(j, "gpt-audio-mini");
            m["description"] = false;
            m["endpoints_note"] = new JsonArray();
            m["limits"]!["source"]!["note"] = 3;
            m["tiers"]![0]!["entries"]![1]!["supported"] = "yes";
            TestCatalogs.Prices(j, "gpt-audio")["effective_from"] = 20250828;
            TestCatalogs.Model(j, "gpt-4o-audio-preview")["snapshots"] = "none";
        });

        Errors(json).Should().Equal(
            "$schema: must be a string, got 1",
            "currency: must be a string, got 1",
            "models[0].limits.source.note: must be a string, got 3",
            "models[0].tiers[0].entries[1].supported: must be true or false, got the string \"yes\"",
            "models[0].description: must be a string, got false",
            "models[0].endpoints_note: must be a string, got an array",
            "models[1].prices[0].effective_from: must be a string, got 20250828",
            "models[2].snapshots: must be an array");
    }

    [Fact]
    public void Parse_ModelWithoutSource_IsRequired()
    {
        // The knowledge cutoff, lifecycle dates, modalities, endpoints and features must cite a source too.
        Errors(Edited(j => TestCatalogs.Model(j, "gpt-audio").Remove("source"))).Should().Equal("models[1].source: is required");
    }

    [Fact]
    public void Parse_BundledCatalog_EveryModelCitesASourceForItsDescriptiveFigures()
    {
        var catalog = CatalogJson.Parse(File.ReadAllText(TestCatalogs.BundledPath)).Catalog!;

        catalog.Models.Select(m => m.Source!.Url).Should().Equal(
            "https://platform.openai.com/docs/models/gpt-audio-mini",
            "https://developers.openai.com/api/docs/models/gpt-audio",
            "https://developers.openai.com/api/docs/models/gpt-4o-audio-preview",
            "https://developers.openai.com/api/docs/models/gpt-4o-mini-audio-preview",
            "https://developers.openai.com/api/docs/models/gpt-audio-1.5",
            "https://developers.openai.com/api/docs/models/gpt-realtime",
            "https://developers.openai.com/api/docs/models/gpt-realtime-1.5",
            "https://developers.openai.com/api/docs/models/gpt-realtime-2",
            "https://developers.openai.com/api/docs/models/gpt-realtime-2.1",
            "https://developers.openai.com/api/docs/models/gpt-realtime-mini",
            "https://developers.openai.com/api/docs/models/gpt-realtime-2.1-mini",
            "https://developers.openai.com/api/docs/models/gpt-4o-realtime-preview",
            "https://developers.openai.com/api/docs/models/gpt-4o-mini-realtime-preview");
    }

    [Fact]
    public void Parse_MissingCurrency_IsRequired()
    {
        Errors(Edited(j => j.Remove("currency"))).Should().Equal("currency: is required");
    }

    [Fact]
    public void Parse_RootArray_MustBeAnObject()
    {
        Errors("[1, 2]").Should().Equal("$: must be a JSON object");
    }

    [Fact]
    public void Parse_UnsupportedTierWithLimits_IsRefused()
    {
        // The free tier is "not supported": an rpm there would be read by nobody and contradict the flag.
        var json = Edited(j =>
        {
            var free = TestCatalogs.Model(j, "gpt-audio-mini")["tiers"]![0]!["entries"]![0]!;
            free["rpm"] = 5;
            free["tpm"] = 100;
        });

        Errors(json).Should().Equal(
            "models[0].tiers[0].entries[0].rpm: must be absent for a tier that is not supported (supported is false)",
            "models[0].tiers[0].entries[0].tpm: must be absent for a tier that is not supported (supported is false)");
    }

    [Fact]
    public void Parse_TierNumberWithLeadingZero_IsRefused()
    {
        var json = Edited(j => TestCatalogs.Model(j, "gpt-audio")["tiers"]![0]!["entries"]![1]!["tier"] = "01");

        Errors(json).Should().Equal("models[1].tiers[0].entries[1].tier: must be \"free\", a tier number such as \"1\", or a lowercase tier name such as \"build\", got \"01\"");
    }

    [Fact]
    public void Parse_ShutdownBeforeDeprecated_IsRefused()
    {
        var json = Edited(j => TestCatalogs.Model(j, "gpt-audio")["lifecycle"] = new JsonObject
        {
            ["deprecated"] = "2026-03-01", ["shutdown"] = "2026-02-28", ["source"] = new JsonObject { ["url"] = "https://example.com/deprecations" },
        });

        Errors(json).Should().Equal("models[1].lifecycle.shutdown: must not be before deprecated (2026-03-01), got 2026-02-28");
    }

    [Fact]
    public void Parse_SnapshotPricesOutOfOrder_AreRefused()
    {
        var json = Edited(j =>
        {
            var later = TestCatalogs.Prices(j, "gpt-audio").DeepClone();
            var earlier = later.DeepClone();
            later["effective_from"] = "2026-01-01";
            earlier["effective_from"] = "2025-09-01";
            TestCatalogs.Model(j, "gpt-audio")["snapshots"]![0]!["prices"] = new JsonArray(later, earlier);
        });

        Errors(json).Should().Equal("models[1].snapshots[0].prices[1].effective_from: 2025-09-01 is before models[1].snapshots[0].prices[0]'s 2026-01-01: price sets must be in ascending date order");
    }

    [Theory]
    [InlineData("10000", "must be at most 9,223.372036 USD per 1M tokens, got 10000")]
    [InlineData("1E+28", "must be at most 9,223.372036 USD per 1M tokens, got 10000000000000000000000000000")]
    [InlineData("1e300", "must be a number within the range of a decimal, got 1e300")]
    [InlineData("0.1234567", "must have at most 6 decimal places, got 0.1234567")]
    public void Parse_PriceOutOfRangeOrTooPrecise_IsRefusedNeverACrash(string raw, string message)
    {
        string text = ReplaceFirst(TestCatalogs.Json().ToJsonString(), "\"text_input\":2.5,", $"\"text_input\":{raw},");

        Errors(text).Should().Equal($"models[1].prices[0].text_input: {message}");
    }

    [Fact]
    public void Parse_PriceAtTheLargestAllowed_IsAccepted()
    {
        var json = Edited(j => TestCatalogs.Prices(j, "gpt-audio")["text_input"] = 9223.372036m);

        CatalogJson.Parse(json.ToJsonString()).Errors.Should().BeEmpty();
    }

    [Theory]
    [InlineData("1000000000001")]
    [InlineData("9223372036854775807")]
    [InlineData("0")]
    [InlineData("2.5")]
    public void Parse_TpmOutOfRange_IsRefused(string raw)
    {
        // Once accepted, a TPM of long.MaxValue made `planner capacity` overflow (exit 70).
        string text = ReplaceFirst(TestCatalogs.Json().ToJsonString(), "\"tpm\":450000}", $"\"tpm\":{raw}}}");

        Errors(text).Should().Equal($"models[0].tiers[0].entries[2].tpm: must be a whole number from 1 to 1,000,000,000,000, got {raw}");
    }

    [Fact]
    public void Parse_LimitsAtTheLargestAllowed_AreAccepted()
    {
        var json = Edited(j =>
        {
            var m = TestCatalogs.Model(j, "gpt-audio");
            m["limits"]!["context_window"] = 1_000_000_000_000;
            m["tiers"]![0]!["entries"]![5]!["tpm"] = 1_000_000_000_000;
        });

        CatalogJson.Parse(json.ToJsonString()).Errors.Should().BeEmpty();
    }

    [Fact]
    public void Parse_EnormousAudioTokenRate_IsRefusedNeverACrash()
    {
        string text = ReplaceFirst(TestCatalogs.Json().ToJsonString(), "\"input_tokens_per_second\":10,", "\"input_tokens_per_second\":1E+28,");

        Errors(text).Should().Equal("audio_token_rates.input_tokens_per_second: must have at most 3 decimal places and be at most 2,147,483.647, got 10000000000000000000000000000");
    }

    [Fact]
    public void Parse_NotUtf8_IsRefusedWithTheBytePosition()
    {
        byte[] bytes = File.ReadAllBytes(TestCatalogs.BundledPath);
        int at = bytes.AsSpan().IndexOf("Audio Mini"u8);
        bytes[at] = 0xFF;

        var result = CatalogJson.Parse(bytes);

        result.Catalog.Should().BeNull();
        result.Errors.Select(e => e.ToString()).Should().Equal($"not valid UTF-8 at byte {at + 1}: the catalog must be saved as UTF-8");
    }

    [Fact]
    public void Parse_NotUtf8AfterAByteOrderMark_CountsTheMarkInThePosition()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(TestCatalogs.BundledPath)];
        int at = bytes.AsSpan().IndexOf("Audio Mini"u8);
        bytes[at] = 0xC3; // a lead byte followed by 'u', not a continuation byte

        CatalogJson.Parse(bytes).Errors.Select(e => e.ToString()).Should().Equal($"not valid UTF-8 at byte {at + 1}: the catalog must be saved as UTF-8");
    }

    [Fact]
    public void Parse_Utf8WithByteOrderMark_IsAccepted()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(TestCatalogs.BundledPath)];

        CatalogJson.Parse(bytes).Errors.Should().BeEmpty();
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
    public void Load_NotUtf8File_IsRefusedNotReadWithReplacementCharacters()
    {
        // Before: File.ReadAllText turned the byte into U+FFFD and the catalog loaded.
        byte[] bytes = File.ReadAllBytes(TestCatalogs.BundledPath);
        int at = bytes.AsSpan().IndexOf("A cost-efficient"u8);
        bytes[at] = 0xFF;
        string path = Path.Combine(Path.GetTempPath(), $"planner-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(path, bytes);
        try
        {
            var act = () => CatalogJson.Load(path);

            act.Should().Throw<PlannerException>().Which.Message.Should().Be(
                $"{path}: catalog is not valid (1 error):{Environment.NewLine}  not valid UTF-8 at byte {at + 1}: the catalog must be saved as UTF-8");
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

        act.Should().Throw<PlannerException>().Which.Message.Should().Be($"'{path}': no such catalog file");
    }

    [Fact]
    public void Parse_NewMeterPrices_AreReadAndAbsentOnesAreNotPriced()
    {
        var json = Edited(j =>
        {
            var p = TestCatalogs.Prices(j, "gpt-audio");
            p["cached_audio_input"] = 0.40m;
            p["image_input"] = 5m;
            p["cached_image_input"] = null;
        });

        var prices = CatalogJson.Parse(json.ToJsonString()).Catalog!.Resolve("gpt-audio").Model.Prices[0];

        prices.CachedAudioInput.Should().Be(Planner.Core.Units.PricePerMillionTokens.FromUsdPerMillion(0.40m));
        prices.ImageInput.Should().Be(Planner.Core.Units.PricePerMillionTokens.FromUsdPerMillion(5m));
        prices.Listed(Planner.Core.Catalog.Meter.CachedImageInput).Should().BeNull();
        prices[Planner.Core.Catalog.Meter.CachedImageInput].Should().Be(Planner.Core.Units.PricePerMillionTokens.FromUsdPerMillion(5m), "null: cached image bills at the image rate");
        CatalogJson.Parse(File.ReadAllText(TestCatalogs.BundledPath)).Catalog!.Resolve("gpt-audio").Model.Prices[0].ImageInput
            .Should().BeNull("the bundled gpt-audio lists no image price");
    }
}
