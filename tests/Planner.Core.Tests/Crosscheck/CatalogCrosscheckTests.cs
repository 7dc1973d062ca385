using Planner.Core.Catalog;
using Planner.Core.Crosscheck;

namespace Planner.Core.Tests.Crosscheck;

public class CatalogCrosscheckTests
{
    private static CrosscheckReport Check(params ReferenceCatalog[] references) =>
        CatalogCrosscheck.Compare(CrosscheckFixtures.Catalog, references, CrosscheckFixtures.At);

    private static (string Model, string Field, CrosscheckKind Kind, string Planner, string Reference)[] Rows(CrosscheckReport report) =>
        [.. report.Disagreements.Select(d => (d.Model, d.Field, d.Kind, d.Planner, d.Reference))];

    [Fact]
    public void LiteLlm_FindsEveryKnownErrorOfFactsSectionTwoAndNothingElse()
    {
        var report = Check(LiteLlmReader.Read(CrosscheckFixtures.File(CrosscheckFixtures.LiteLlm)));

        Rows(report).Should().Equal(
            ("gpt-realtime-2", "text_output", CrosscheckKind.Price, "24", "16"),
            ("gpt-realtime-2", "context_window", CrosscheckKind.ContextWindow, "128,000", "32,000"),
            ("gpt-realtime-2", "max_output_tokens", CrosscheckKind.MaxOutputTokens, "32,000", "4,096"),
            ("gpt-realtime-2.1-mini", "max_output_tokens", CrosscheckKind.MaxOutputTokens, "32,000", "4,096"),
            ("gpt-realtime-mini", "context_window", CrosscheckKind.ContextWindow, "32,000", "128,000"));
        report.Disagreements.Should().OnlyContain(d => d.Source == ReferenceSource.LiteLlm);
        report.Disagreements[0].ReferencePath.Should().Be("$['gpt-realtime-2']");
        report.Compared.Should().Be(4);
        report.NotListed.Should().BeEmpty();
        report.Agrees.Should().BeFalse();
    }

    [Fact]
    public void LiteLlm_PerTokenFloats_AreReadAsExactDecimals()
    {
        var entry = LiteLlmReader.Read(CrosscheckFixtures.File(CrosscheckFixtures.LiteLlm)).Find("gpt-realtime-2")!;

        // 1.6e-05 per token x 1,000,000 = exactly $16 per 1M; 4e-07 = exactly $0.40: no binary float in between.
        entry.UsdPerMillion[Meter.TextOutput].Should().Be(16m);
        entry.UsdPerMillion[Meter.CachedAudioInput].Should().Be(0.4m);
        entry.UsdPerMillion[Meter.ImageInput].Should().Be(5m);
    }

    [Fact]
    public void LiteLlm_FloatNoiseWithinTheTolerance_IsNotADisagreement()
    {
        // gpt-realtime-mini's cached audio is written 3.0000000000000004e-07: $0.30000000000000004 per 1M.
        var report = Check(LiteLlmReader.Read(CrosscheckFixtures.File(CrosscheckFixtures.LiteLlm)));

        report.Disagreements.Should().NotContain(d => d.Model == "gpt-realtime-mini" && d.Field == "cached_audio_input");
        (0.30000000000000004m - 0.30m).Should().BeLessThan(CatalogCrosscheck.ToleranceUsdPerMillion);
    }

    [Fact]
    public void GenAiPrices_AudioPreviewWithoutAudioPrices_IsAMissingAudioMeterOnEachSide()
    {
        var report = Check(GenAiPricesReader.Read(CrosscheckFixtures.File(CrosscheckFixtures.GenAiPrices), CrosscheckFixtures.At));

        Rows(report).Should().Equal(
            ("gpt-4o-audio-preview", "audio_input", CrosscheckKind.MissingMeter, "40", "none"),
            ("gpt-4o-audio-preview", "audio_output", CrosscheckKind.MissingMeter, "80", "none"));
        report.Disagreements[0].ReferencePath.Should().Be("$[1].models[0]");
        report.NotListed.Should().Equal((ReferenceSource.GenAiPrices, "gpt-realtime-2"));
    }

    [Fact]
    public void GenAiPrices_DatedPrices_UseTheSetInEffectOnTheDay()
    {
        var file = CrosscheckFixtures.File(CrosscheckFixtures.GenAiPrices);

        var now = GenAiPricesReader.Read(file, CrosscheckFixtures.At).Find("gpt-realtime-2.1-mini")!;
        var before = GenAiPricesReader.Read(file, new DateOnly(2026, 7, 5)).Find("gpt-realtime-2.1-mini")!;

        now.UsdPerMillion[Meter.TextInput].Should().Be(0.6m);
        now.UsdPerMillion[Meter.AudioOutput].Should().Be(20m, "a tiered price compares its base");
        before.UsdPerMillion[Meter.TextInput].Should().Be(1m, "before 2026-07-06 only the undated set applies");
    }

    [Fact]
    public void GenAiPrices_MatchRules_FindSnapshotsAsGenaiPricesDoes()
    {
        var genai = GenAiPricesReader.Read(CrosscheckFixtures.File(CrosscheckFixtures.GenAiPrices), CrosscheckFixtures.At);

        genai.Find("gpt-realtime-mini-2025-12-15")!.Id.Should().Be("gpt-realtime-mini");
        genai.Find("gpt-4o-audio-preview-2024-12-17")!.Id.Should().Be("gpt-4o-audio-preview");
        genai.Find("gpt-realtime-2")!.Should().BeNull();
        genai.Represents(Meter.ImageInput).Should().BeFalse("genai-prices has no image meters");
    }

    [Fact]
    public void BothSources_AreListedSourceBySource()
    {
        var report = Check(
            LiteLlmReader.Read(CrosscheckFixtures.File(CrosscheckFixtures.LiteLlm)),
            GenAiPricesReader.Read(CrosscheckFixtures.File(CrosscheckFixtures.GenAiPrices), CrosscheckFixtures.At));

        report.Disagreements.Select(d => d.Source).Should().Equal(Enumerable.Repeat(ReferenceSource.LiteLlm, 5).Concat(Enumerable.Repeat(ReferenceSource.GenAiPrices, 2)));
    }

    [Fact]
    public void AgreeingFiles_HaveNoDisagreement()
    {
        const string Right = """
            {"gpt-realtime-2.1-mini": {"input_cost_per_token": 6e-07, "cache_read_input_token_cost": 6e-08, "output_cost_per_token": 2.4e-06,
              "input_cost_per_audio_token": 1e-05, "cache_read_input_audio_token_cost": 3e-07, "output_cost_per_audio_token": 2e-05,
              "input_cost_per_image_token": 8e-07, "cache_read_input_image_token_cost": 8e-08, "max_input_tokens": 128000, "max_output_tokens": 32000}}
            """;

        var report = Check(LiteLlmReader.Read(CrosscheckFixtures.File(Right)));

        report.Agrees.Should().BeTrue(string.Join("; ", report.Disagreements));
        report.NotListed.Select(n => n.Model).Should().Equal("gpt-realtime-2", "gpt-realtime-mini", "gpt-4o-audio-preview");
    }

    [Fact]
    public void ReferencePricingAMeterPlannerDoesNotHave_IsAnExtraMeter()
    {
        const string Extra = """{"gpt-4o-audio-preview": {"input_cost_per_token": 2.5e-06, "output_cost_per_token": 1e-05, "input_cost_per_audio_token": 4e-05, "output_cost_per_audio_token": 8e-05, "input_cost_per_image_token": 2.5e-06}}""";

        var report = Check(LiteLlmReader.Read(CrosscheckFixtures.File(Extra)));

        Rows(report).Should().Equal(("gpt-4o-audio-preview", "image_input", CrosscheckKind.ExtraMeter, "none", "2.5"));
    }

    [Fact]
    public void ReferenceCachedPriceWherePlannerBillsTheInputRate_IsComparedWithThatRate()
    {
        // Planner lists no cached price for gpt-4o-audio-preview: cached text bills at $2.50. A reference listing $1.25 disagrees.
        const string Cached = """{"gpt-4o-audio-preview": {"input_cost_per_token": 2.5e-06, "cache_read_input_token_cost": 1.25e-06, "output_cost_per_token": 1e-05, "input_cost_per_audio_token": 4e-05, "output_cost_per_audio_token": 8e-05}}""";

        var report = Check(LiteLlmReader.Read(CrosscheckFixtures.File(Cached)));

        Rows(report).Should().Equal(("gpt-4o-audio-preview", "cached_text_input", CrosscheckKind.Price, "2.5 (the text_input rate)", "1.25"));
    }

    [Fact]
    public void AFileListingNoneOfTheModels_IsAnErrorNotASilentPass()
    {
        string file = CrosscheckFixtures.File("""{"claude-3-haiku": {"input_cost_per_token": 2.5e-07}}""");

        var act = () => Check(LiteLlmReader.Read(file));

        act.Should().Throw<PlannerException>().Where(e => e.Kind == PlannerErrorKind.InvalidReferenceFile)
            .WithMessage($"{file}: lists none of the catalog's 4 models (gpt-realtime-2, gpt-realtime-2.1-mini, gpt-realtime-mini, gpt-4o-audio-preview); is it LiteLLM's model_prices_and_context_window.json?");
    }
}
