using System.Globalization;
using System.Text.Json.Nodes;
using Planner.Core.Catalog;
using Planner.Core.Pricing;

namespace Planner.Core.Tests.Catalog;

/// <summary>Every figure of data/catalog.json against the facts it rests on (docs/catalog-facts.md), one test
/// row per row of the facts' tables, the values typed in here from the facts, not read from the catalog.</summary>
public class BundledCatalogFactsTests
{
    private static readonly ModelCatalog Catalog = TestData.Catalog;
    private static readonly JsonObject Json = TestCatalogs.Json();

    // Prices, USD per 1M tokens: name, day priced, text in / cached / out, audio in / cached / out, image in / cached
    // ("-" = not listed), context window, max output. Chat Completions audio models list no cached price.
    [Theory]
    [InlineData("gpt-audio-mini", "2026-12-01", "0.60", "-", "2.40", "10", "-", "20", "-", "-", 128_000, 16_384)]
    [InlineData("gpt-audio-mini-2025-10-06", "2026-01-15", "0.60", "-", "2.40", "10", "-", "20", "-", "-", 128_000, 16_384)]
    [InlineData("gpt-audio-mini-2025-12-15", "2026-12-01", "0.60", "-", "2.40", "10", "-", "20", "-", "-", 128_000, 16_384)]
    [InlineData("gpt-audio-2025-08-28", "2026-12-01", "2.50", "-", "10", "32", "-", "64", "-", "-", 128_000, 16_384)]
    [InlineData("gpt-audio", "2025-10-02", "2.50", "-", "10", "40", "-", "80", "-", "-", 128_000, 16_384)]
    [InlineData("gpt-audio-1.5", "2026-12-01", "2.50", "-", "10", "32", "-", "64", "-", "-", 128_000, 16_384)]
    [InlineData("gpt-4o-audio-preview-2024-12-17", "2025-01-15", "2.50", "-", "10", "40", "-", "80", "-", "-", 128_000, 16_384)]
    [InlineData("gpt-4o-audio-preview-2025-06-03", "2025-07-01", "2.50", "-", "10", "40", "-", "80", "-", "-", 128_000, 16_384)]
    [InlineData("gpt-4o-audio-preview-2024-10-01", "2025-01-15", "2.50", "-", "10", "100", "-", "200", "-", "-", 128_000, 16_384)]
    [InlineData("gpt-4o-mini-audio-preview", "2025-01-15", "0.15", "-", "0.60", "10", "-", "20", "-", "-", 128_000, 16_384)]
    [InlineData("gpt-realtime", "2026-01-15", "4", "0.40", "16", "32", "0.40", "64", "5", "0.50", 32_000, 4_096)]
    [InlineData("gpt-realtime-1.5", "2026-12-01", "4", "0.40", "16", "32", "0.40", "64", "5", "0.50", 32_000, 4_096)]
    [InlineData("gpt-realtime-2", "2026-12-01", "4", "0.40", "24", "32", "0.40", "64", "5", "0.50", 128_000, 32_000)]
    [InlineData("gpt-realtime-2.1", "2026-12-01", "4", "0.40", "24", "32", "0.40", "64", "5", "0.50", 128_000, 32_000)]
    [InlineData("gpt-realtime-mini-2025-10-06", "2026-01-15", "0.60", "0.06", "2.40", "10", "0.30", "20", "0.80", "0.08", 32_000, 4_096)]
    [InlineData("gpt-realtime-mini-2025-12-15", "2026-12-01", "0.60", "0.06", "2.40", "10", "0.30", "20", "0.80", "0.08", 32_000, 4_096)]
    [InlineData("gpt-realtime-2.1-mini", "2026-12-01", "0.60", "0.06", "2.40", "10", "0.30", "20", "0.80", "0.08", 128_000, 32_000)]
    [InlineData("gpt-4o-realtime-preview-2024-12-17", "2025-01-15", "5", "2.50", "20", "40", "2.50", "80", "-", "-", 32_000, 4_096)]
    [InlineData("gpt-4o-realtime-preview-2025-06-03", "2025-07-01", "5", "2.50", "20", "40", "2.50", "80", "-", "-", 32_000, 4_096)]
    [InlineData("gpt-4o-realtime-preview-2024-10-01", "2025-01-15", "5", "2.50", "20", "100", "20", "200", "-", "-", 32_000, 4_096)]
    [InlineData("gpt-4o-mini-realtime-preview", "2025-01-15", "0.60", "0.30", "2.40", "10", "0.30", "20", "-", "-", 16_000, 4_096)]
    public void Prices_AndCaps_MatchTheFacts(string name, string day, string textIn, string cachedText, string textOut,
        string audioIn, string cachedAudio, string audioOut, string imageIn, string cachedImage, long context, long maxOutput)
    {
        var resolved = Catalog.Resolve(name);
        var at = new DateTimeOffset(DateOnly.Parse(day, CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var prices = PricingEngine.PricesAt(resolved, at);

        prices.TextInput.UsdPerMillion.Should().Be(D(textIn));
        prices.CachedTextInput?.UsdPerMillion.Should().Be(Price(cachedText));
        (prices.CachedTextInput is null).Should().Be(cachedText == "-");
        prices.TextOutput.UsdPerMillion.Should().Be(D(textOut));
        prices.AudioInput.UsdPerMillion.Should().Be(D(audioIn));
        prices.AudioOutput.UsdPerMillion.Should().Be(D(audioOut));
        prices.Source.Url.Should().StartWith("https://");
        resolved.Model.ContextWindow.Value.Should().Be(context);
        resolved.Model.MaxOutputTokens.Value.Should().Be(maxOutput);

        // The meters not billed yet are checked in the file itself.
        var set = PriceSetInFile(resolved, prices.EffectiveFrom);
        Number(set, "cached_audio_input").Should().Be(Price(cachedAudio));
        Number(set, "image_input").Should().Be(Price(imageIn));
        Number(set, "cached_image_input").Should().Be(Price(cachedImage));
    }

    // Lifecycle: name, released, deprecation notice ("-" unknown; "*" unknown and not asserted: a snapshot without its own
    // notice takes its model's), shutdown ("-" none), replacement, the API.
    [Theory]
    [InlineData("gpt-audio-mini-2025-12-15", "2025-12-15", "2026-07-20", "2027-01-20", "gpt-audio-1.5", ModelApi.ChatCompletions)]
    [InlineData("gpt-audio-mini", "2025-10-06", "2026-07-20", "2027-01-20", "gpt-audio-1.5", ModelApi.ChatCompletions)]
    [InlineData("gpt-audio-mini-2025-10-06", "2025-10-06", "2026-04-22", "2026-07-23", "gpt-audio-1.5", ModelApi.ChatCompletions)]
    [InlineData("gpt-audio", "2025-08-28", "2026-07-20", "2027-01-20", "gpt-audio-1.5", ModelApi.ChatCompletions)]
    [InlineData("gpt-audio-2025-08-28", "2025-08-28", "2026-07-20", "2027-01-20", "gpt-audio-1.5", ModelApi.ChatCompletions)]
    [InlineData("gpt-audio-1.5", "2026-02-23", "-", "-", "-", ModelApi.ChatCompletions)]
    [InlineData("gpt-4o-audio-preview-2024-12-17", "2024-12-17", "2025-09-15", "2026-05-07", "gpt-audio-1.5", ModelApi.ChatCompletions)]
    [InlineData("gpt-4o-audio-preview-2025-06-03", "2025-06-03", "2025-09-15", "2026-05-07", "gpt-audio-1.5", ModelApi.ChatCompletions)]
    [InlineData("gpt-4o-audio-preview-2024-10-01", "2024-10-17", "2025-06-10", "2025-10-10", "gpt-audio-1.5", ModelApi.ChatCompletions)]
    [InlineData("gpt-4o-mini-audio-preview", "2024-12-17", "-", "2026-05-07", "gpt-audio-mini", ModelApi.ChatCompletions)]
    [InlineData("gpt-realtime", "2025-08-28", "2026-07-20", "2027-01-20", "gpt-realtime-2.1", ModelApi.Realtime)]
    [InlineData("gpt-realtime-2025-08-28", "2025-08-28", "2026-07-20", "2027-01-20", "gpt-realtime-2.1", ModelApi.Realtime)]
    [InlineData("gpt-realtime-1.5", "2026-02-23", "-", "-", "-", ModelApi.Realtime)]
    [InlineData("gpt-realtime-2", "2026-05-07", "-", "-", "-", ModelApi.Realtime)]
    [InlineData("gpt-realtime-2.1", "2026-07-06", "-", "-", "-", ModelApi.Realtime)]
    [InlineData("gpt-realtime-2.1-mini", "2026-07-06", "-", "-", "-", ModelApi.Realtime)]
    [InlineData("gpt-realtime-mini-2025-12-15", "2025-12-15", "2026-07-20", "2027-01-20", "gpt-realtime-2.1-mini", ModelApi.Realtime)]
    [InlineData("gpt-realtime-mini-2025-10-06", "2025-10-06", "*", "2026-07-23", "gpt-realtime-2.1-mini", ModelApi.Realtime)]
    [InlineData("gpt-4o-realtime-preview-2024-12-17", "-", "-", "2026-05-07", "gpt-realtime-1.5", ModelApi.Realtime)]
    [InlineData("gpt-4o-realtime-preview-2024-10-01", "2024-10-01", "-", "2025-10-10", "gpt-realtime-1.5", ModelApi.Realtime)]
    [InlineData("gpt-4o-mini-realtime-preview-2024-12-17", "2024-12-17", "-", "2026-05-07", "gpt-realtime-mini", ModelApi.Realtime)]
    public void Lifecycle_MatchesTheFacts(string name, string released, string notice, string shutdown, string replacement, ModelApi api)
    {
        var model = Catalog.Resolve(name);

        model.Released.Should().Be(Date(released));
        if (notice != "*")
        {
            model.Deprecated.Should().Be(Date(notice));
        }

        model.Shutdown.Should().Be(Date(shutdown));
        model.Replacement.Should().Be(replacement == "-" ? null : replacement);
        (model.ReplacementObserved is null).Should().Be(replacement == "-", "a replacement carries the day it was observed");
        model.Model.Api.Should().Be(api);
    }

    // Rate limits under Free + Tier 1-5 (until 2026-10-05): the Chat Completions audio table and the realtime table.
    [Theory]
    [InlineData("gpt-audio-mini", 500, 30_000, 5_000, 450_000, 5_000, 800_000, 10_000, 2_000_000, 10_000, 30_000_000)]
    [InlineData("gpt-audio", 500, 30_000, 5_000, 450_000, 5_000, 800_000, 10_000, 2_000_000, 10_000, 30_000_000)]
    [InlineData("gpt-audio-1.5", 500, 30_000, 5_000, 450_000, 5_000, 800_000, 10_000, 2_000_000, 10_000, 30_000_000)]
    [InlineData("gpt-4o-audio-preview", 500, 30_000, 5_000, 450_000, 5_000, 800_000, 10_000, 2_000_000, 10_000, 30_000_000)]
    [InlineData("gpt-realtime", 200, 40_000, 400, 200_000, 5_000, 800_000, 10_000, 4_000_000, 20_000, 15_000_000)]
    [InlineData("gpt-realtime-1.5", 200, 40_000, 400, 200_000, 5_000, 800_000, 10_000, 4_000_000, 20_000, 15_000_000)]
    [InlineData("gpt-realtime-2", 200, 40_000, 400, 200_000, 5_000, 800_000, 10_000, 4_000_000, 20_000, 15_000_000)]
    [InlineData("gpt-realtime-2.1", 200, 40_000, 400, 200_000, 5_000, 800_000, 10_000, 4_000_000, 20_000, 15_000_000)]
    [InlineData("gpt-realtime-mini", 200, 40_000, 400, 200_000, 5_000, 800_000, 10_000, 4_000_000, 20_000, 15_000_000)]
    [InlineData("gpt-realtime-2.1-mini", 200, 40_000, 400, 200_000, 5_000, 800_000, 10_000, 4_000_000, 20_000, 15_000_000)]
    public void NumberedTiers_MatchTheFacts(string name, long rpm1, long tpm1, long rpm2, long tpm2, long rpm3, long tpm3, long rpm4, long tpm4, long rpm5, long tpm5)
    {
        long[] rpmTpm = [rpm1, tpm1, rpm2, tpm2, rpm3, tpm3, rpm4, tpm4, rpm5, tpm5];
        var ladder = Catalog.TiersAt(Catalog.Resolve(name).Model, new DateOnly(2026, 10, 5))!;

        ladder.Select(t => t.DisplayName).Should().Equal("Free", "Tier 1", "Tier 2", "Tier 3", "Tier 4", "Tier 5");
        ladder[0].Supported.Should().BeFalse();
        for (int i = 1; i <= 5; i++)
        {
            ladder[i].Rpm!.Value.Value.Should().Be(rpmTpm[(2 * i) - 2]);
            ladder[i].Tpm!.Value.Value.Should().Be(rpmTpm[(2 * i) - 1]);
            ladder[i].Source.IsAssumption.Should().BeFalse($"{name}'s table is on its model page");
        }
    }

    // From 2026-10-06: Build = old Tier 2, Launch = old Tier 4 (stated); Grow = old Tier 5 (inferred, an assumption).
    [Theory]
    [InlineData("gpt-audio-1.5", 5_000, 450_000, 10_000, 2_000_000, 10_000, 30_000_000)]
    [InlineData("gpt-audio-mini", 5_000, 450_000, 10_000, 2_000_000, 10_000, 30_000_000)]
    [InlineData("gpt-realtime", 400, 200_000, 10_000, 4_000_000, 20_000, 15_000_000)]
    [InlineData("gpt-realtime-2.1-mini", 400, 200_000, 10_000, 4_000_000, 20_000, 15_000_000)]
    public void BuildLaunchGrow_MatchTheFacts_GrowMarkedInferred(string name, long buildRpm, long buildTpm, long launchRpm, long launchTpm, long growRpm, long growTpm)
    {
        var ladder = Catalog.TiersAt(Catalog.Resolve(name).Model, new DateOnly(2026, 10, 6))!;

        ladder.Select(t => t.DisplayName).Should().Equal("Free", "Build", "Launch", "Grow");
        (ladder[1].Rpm!.Value.Value, ladder[1].Tpm!.Value.Value).Should().Be((buildRpm, buildTpm));
        (ladder[2].Rpm!.Value.Value, ladder[2].Tpm!.Value.Value).Should().Be((launchRpm, launchTpm));
        (ladder[3].Rpm!.Value.Value, ladder[3].Tpm!.Value.Value).Should().Be((growRpm, growTpm));
        ladder[1].Source.IsAssumption.Should().BeFalse();
        ladder[3].Source.IsAssumption.Should().BeTrue("Grow = old Tier 5 is an inference");
    }

    // The schemes: tier, qualifying payment, monthly usage limit.
    [Theory]
    [InlineData("2026-10-05", "free", 0, 100)]
    [InlineData("2026-10-05", "1", 5, 100)]
    [InlineData("2026-10-05", "2", 50, 500)]
    [InlineData("2026-10-05", "3", 100, 1_000)]
    [InlineData("2026-10-05", "4", 250, 5_000)]
    [InlineData("2026-10-05", "5", 1_000, 200_000)]
    [InlineData("2026-10-06", "free", 0, 100)]
    [InlineData("2026-10-06", "build", 5, 500)]
    [InlineData("2026-10-06", "launch", 100, 5_000)]
    [InlineData("2026-10-06", "grow", 500, 200_000)]
    public void TierSchemes_MatchTheFacts(string day, string tier, int payment, int monthlyLimit)
    {
        var scheme = Catalog.TierSchedule.At(DateOnly.Parse(day, CultureInfo.InvariantCulture));
        var found = scheme.Find(TierName.Parse(tier))!;

        found.QualifyingPayment.Value.Should().Be(payment);
        found.MonthlyUsageLimit.Value.Should().Be(monthlyLimit);
    }

    [Fact]
    public void GptAudio_AudioPriceCut_IsAWindowOfUnknownDay_BetweenTheTwoObservations()
    {
        var window = Catalog.Resolve("gpt-audio").PriceChangeWindows.Should().ContainSingle().Subject;

        window.From.Should().Be(new DateOnly(2025, 10, 3), "$40/$80 was seen on 2025-10-02");
        window.ConfirmedFrom.Should().Be(new DateOnly(2026, 1, 21));
    }

    private static JsonObject PriceSetInFile(ResolvedModel model, DateOnly from)
    {
        var m = TestCatalogs.Model(Json, model.Model.Id);
        var owner = model.Snapshot is { Prices.Count: > 0 } s
            ? m["snapshots"]!.AsArray().Single(x => (string?)x!["id"] == s.Id)!.AsObject()
            : m;
        return owner["prices"]!.AsArray().Single(p => (string?)p!["effective_from"] == from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))!.AsObject();
    }

    private static decimal? Number(JsonObject set, string field) => set[field]?.GetValue<decimal>();

    private static decimal? Price(string s) => s == "-" ? null : D(s);

    private static decimal D(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);

    private static DateOnly? Date(string s) => s == "-" ? null : DateOnly.Parse(s, CultureInfo.InvariantCulture);
}
