using System.Text.Json.Nodes;
using Planner.Core.Catalog;
using Planner.Core.Catalog.Json;

namespace Planner.Core.Tests.Catalog.Json;

/// <summary>The loader's lifecycle, price-window and tier-scheme sections, and their cross-field rules.</summary>
public class CatalogJsonLifecycleAndTierTests
{
    private static IReadOnlyList<string> Errors(JsonNode json)
    {
        var result = CatalogJson.Parse(json.ToJsonString());
        result.IsValid.Should().BeFalse();
        return result.Errors.Select(e => e.ToString()).ToList();
    }

    private static JsonObject Edited(Action<JsonObject> edit)
    {
        var json = TestCatalogs.Json();
        edit(json);
        return json;
    }

    [Fact]
    public void Parse_ReplacementNamingNoModel_IsRefusedWithItsPath()
    {
        var json = Edited(j => TestCatalogs.Model(j, "gpt-audio")["lifecycle"]!["replacement"] = "gpt-audio-9");

        Errors(json).Should().Equal("models[1].lifecycle.replacement: 'gpt-audio-9' is no model, snapshot or alias in this catalog");
    }

    [Fact]
    public void Parse_ReplacementWithoutTheDayItWasObserved_IsRefused()
    {
        var json = Edited(j => TestCatalogs.Model(j, "gpt-audio")["lifecycle"]!.AsObject().Remove("replacement_observed"));

        Errors(json).Should().Equal("models[1].lifecycle.replacement_observed: is required with a replacement: OpenAI rewrites the replacement of old notices, so say when it was seen");
    }

    [Fact]
    public void Parse_ShutdownBeforeRelease_IsRefused()
    {
        var json = Edited(j =>
        {
            var l = TestCatalogs.Model(j, "gpt-audio-1.5")["lifecycle"]!;
            l["shutdown"] = "2026-01-01";
        });

        Errors(json).Should().Equal("models[4].lifecycle.shutdown: must not be before released (2026-02-23), got 2026-01-01");
    }

    [Fact]
    public void Parse_UnknownApi_IsRefused()
    {
        Errors(Edited(j => TestCatalogs.Model(j, "gpt-realtime")["api"] = "responses"))
            .Should().Equal("models[5].api: must be \"chat_completions\" or \"realtime\", got \"responses\"");
    }

    [Fact]
    public void Parse_ConfirmedFromNotAfterTheChange_IsRefused()
    {
        var json = Edited(j => TestCatalogs.Prices(j, "gpt-audio", 1)["confirmed_from"] = "2025-10-03");

        Errors(json).Should().Equal("models[1].prices[1].confirmed_from: must be after effective_from (2025-10-03), got 2025-10-03");
    }

    [Fact]
    public void Parse_ConfirmedFromOnTheFirstPriceSet_IsRefused()
    {
        var json = Edited(j => TestCatalogs.Prices(j, "gpt-audio", 0)["confirmed_from"] = "2025-09-01");

        Errors(json).Should().Equal("models[1].prices[0].confirmed_from: must be absent on the first price set: there is no earlier price for the change to come from");
    }

    [Fact]
    public void Parse_NewMeterPrices_AreValidatedBeforeTheyAreBilled()
    {
        var json = Edited(j => TestCatalogs.Prices(j, "gpt-realtime-2.1-mini")["cached_audio_input"] = -0.3m);

        Errors(json).Should().Equal("models[10].prices[0].cached_audio_input: must be >= 0, got -0.3");
    }

    [Fact]
    public void Parse_TierOfAnotherScheme_IsRefusedNamingTheSchemesTiers()
    {
        var json = Edited(j => TestCatalogs.Model(j, "gpt-audio")["tiers"]![1]!["entries"]![1]!["tier"] = "2");

        Errors(json).Should().Equal("models[1].tiers[1].entries[1].tier: \"2\" is no tier of scheme 'free-build-launch-grow' (tiers: free, build, launch, grow)");
    }

    [Fact]
    public void Parse_TableOfAnUnknownScheme_IsRefused()
    {
        var json = Edited(j => TestCatalogs.Model(j, "gpt-audio")["tiers"]![0]!["scheme"] = "tiers-2030");

        Errors(json).Should().Equal("models[1].tiers[0].scheme: 'tiers-2030' is no tier scheme of this catalog (schemes: tiers-1-5, free-build-launch-grow)");
    }

    [Fact]
    public void Parse_TwoTiersQualifyingAtOnePayment_IsRefused_TheLadderWouldHaveNoOrder()
    {
        var json = Edited(j => j["tier_schemes"]![1]!["tiers"]![2]!["qualifying_payment_usd"] = 5);

        Errors(json).Should().Equal("tier_schemes[1].tiers[2].qualifying_payment_usd: equals tier_schemes[1].tiers[1]'s: two tiers of one scheme cannot qualify at the same payment (the ladder would have no order)");
    }

    [Fact]
    public void Parse_SchemesOutOfDateOrder_AreRefused()
    {
        var json = Edited(j =>
        {
            var later = j["tier_schemes"]![1]!.DeepClone().AsObject();
            later["id"] = "tiers-2025";
            later["effective_from"] = "2025-01-01";
            j["tier_schemes"]!.AsArray().Add(later);
        });

        Errors(json).Should().Equal("tier_schemes[2].effective_from: 2025-01-01 is not after tier_schemes[1]'s 2026-10-06: schemes must be in ascending date order");
    }

    [Fact]
    public void Parse_FirstSchemeWithADate_IsRefused()
    {
        Errors(Edited(j => j["tier_schemes"]![0]!["effective_from"] = "2024-01-01"))
            .Should().Equal("tier_schemes[0].effective_from: must be null for the first scheme (it applies before every other)");
    }

    [Fact]
    public void Parse_TiersListedOutOfOrder_AreLaidOutOnTheLadderLowestFirst()
    {
        var json = Edited(j =>
        {
            foreach (var node in new[] { j["tier_schemes"]![1]!["tiers"]!.AsArray(), TestCatalogs.Model(j, "gpt-audio-1.5")["tiers"]![1]!["entries"]!.AsArray() })
            {
                var reversed = node.Reverse().Select(n => n!.DeepClone()).ToList();
                node.Clear();
                reversed.ForEach(node.Add);
            }
        });

        var catalog = TestCatalogs.Load(json);
        var ladder = catalog.TiersAt(catalog.Resolve("gpt-audio-1.5").Model, new DateOnly(2026, 12, 1))!;

        ladder.Select(t => t.Name).Should().Equal("free", "build", "launch", "grow");
        ladder.LowestCarrying(rpm: 6_000, tpm: 100_000)!.DisplayName.Should().Be("Launch", "Build's 5,000 RPM is too few and Launch is next up, whatever the file's order");
        catalog.TierSchedule.At(new DateOnly(2026, 12, 1)).Tiers.Select(t => t.Name.DisplayName).Should().Equal("Free", "Build", "Launch", "Grow");
    }
}
