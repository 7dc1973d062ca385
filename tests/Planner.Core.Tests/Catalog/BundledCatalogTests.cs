using System.Globalization;
using System.Text.RegularExpressions;
using Planner.Core.Catalog;

namespace Planner.Core.Tests.Catalog;

/// <summary>Every figure of data/catalog.json, checked against the seed page (parsed from its copy
/// in data/sources/) and against FACTS.md (transcribed here, table by table).</summary>
public partial class BundledCatalogTests
{
    private static readonly ModelCatalog Catalog = TestData.Catalog;
    private static readonly string Seed = File.ReadAllText(Path.Combine(TestData.DataDirectory, "sources", "gpt-audio-mini-model-page.txt"));

    // FACTS.md, "Prices, USD per 1M tokens": text in, text out, audio in, audio out.
    [Theory]
    [InlineData("gpt-audio-mini", "0.60", "2.40", "10.00", "20.00")]
    [InlineData("gpt-audio", "2.50", "10.00", "32.00", "64.00")]
    [InlineData("gpt-4o-audio-preview", "2.50", "10.00", "40.00", "80.00")]
    [InlineData("gpt-4o-mini-audio-preview", "0.15", "0.60", "10.00", "20.00")]
    public void Prices_MatchFacts(string model, string textIn, string textOut, string audioIn, string audioOut)
    {
        var prices = Catalog.Resolve(model).Model.Prices[^1];

        prices.TextInput.UsdPerMillion.Should().Be(D(textIn));
        prices.TextOutput.UsdPerMillion.Should().Be(D(textOut));
        prices.AudioInput.UsdPerMillion.Should().Be(D(audioIn));
        prices.AudioOutput.UsdPerMillion.Should().Be(D(audioOut));
        prices.CachedTextInput.Should().BeNull("FACTS.md lists no cached-input price: cached tokens bill at the input rate");
        prices.Source.Url.Should().StartWith("https://");
    }

    [Theory]
    [InlineData("gpt-audio-mini")]
    [InlineData("gpt-audio")]
    [InlineData("gpt-4o-audio-preview")]
    [InlineData("gpt-4o-mini-audio-preview")]
    public void Caps_Are128kContextAnd16kOutput(string model)
    {
        var spec = Catalog.Resolve(model).Model;

        spec.ContextWindow.Value.Should().Be(128_000);
        spec.MaxOutputTokens.Value.Should().Be(16_384);
    }

    [Theory]
    [InlineData("gpt-audio-mini-2025-10-06", "gpt-audio-mini")]
    [InlineData("gpt-audio-mini-2025-12-15", "gpt-audio-mini")]
    [InlineData("gpt-audio-2025-08-28", "gpt-audio")]
    public void Snapshots_ResolveToTheirModel(string snapshot, string model)
    {
        var resolved = Catalog.Resolve(snapshot);

        resolved.Model.Id.Should().Be(model);
        resolved.Prices.Should().BeSameAs(resolved.Model.Prices, "a snapshot bills at its model's prices unless it has its own");
    }

    [Fact]
    public void GptAudioMini_TextPrices_MatchTheSeedPage()
    {
        var prices = Catalog.Resolve("gpt-audio-mini").Model.Prices[^1];
        var text = Section("Text tokens");
        var audio = Section("Audio tokens");

        prices.TextInput.UsdPerMillion.Should().Be(text.Input);
        prices.TextOutput.UsdPerMillion.Should().Be(text.Output);
        prices.AudioInput.UsdPerMillion.Should().Be(audio.Input);
        prices.AudioOutput.UsdPerMillion.Should().Be(audio.Output);
    }

    [Fact]
    public void GptAudioMini_CapsAndCutoff_MatchTheSeedPage()
    {
        var model = Catalog.Resolve("gpt-audio-mini").Model;

        model.ContextWindow.Value.Should().Be(Number(ContextRegex().Match(Seed).Groups[1].Value));
        model.MaxOutputTokens.Value.Should().Be(Number(OutputRegex().Match(Seed).Groups[1].Value));
        model.KnowledgeCutoff.Should().Be(DateOnly.ParseExact(CutoffRegex().Match(Seed).Groups[1].Value, "MMM dd, yyyy", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void GptAudioMini_TierLimits_MatchTheSeedPage()
    {
        var model = Catalog.Resolve("gpt-audio-mini").Model;
        var rows = TierRegex().Matches(Seed);

        rows.Should().HaveCount(5);
        foreach (Match row in rows)
        {
            var tier = model.FindTier(row.Groups[1].Value)!;
            tier.Rpm!.Value.Value.Should().Be(Number(row.Groups[2].Value));
            tier.Tpm!.Value.Value.Should().Be(Number(row.Groups[3].Value));
        }

        Seed.Should().Contain("Free\tNot supported");
        model.FindTier("free")!.Supported.Should().BeFalse();
    }

    // FACTS.md, "Rate limits": tier, RPM, TPM, monthly usage limit.
    [Theory]
    [InlineData("1", 500, 30_000, 100)]
    [InlineData("2", 5_000, 450_000, 500)]
    [InlineData("3", 5_000, 800_000, 1_000)]
    [InlineData("4", 10_000, 2_000_000, 5_000)]
    [InlineData("5", 10_000, 30_000_000, 200_000)]
    public void Tiers_MatchFactsForEveryModel(string name, long rpm, long tpm, int monthlyLimit)
    {
        foreach (var model in Catalog.Models)
        {
            var tier = model.FindTier(name)!;
            tier.Rpm!.Value.Value.Should().Be(rpm);
            tier.Tpm!.Value.Value.Should().Be(tpm);
            tier.MonthlyUsageLimit.Value.Should().Be(monthlyLimit);
            tier.Source.IsAssumption.Should().Be(model.Id != "gpt-audio-mini", "only gpt-audio-mini's table is on its own page; the others are carried over");
        }
    }

    [Fact]
    public void FreeTier_IsNotSupportedWithA100DollarLimit()
    {
        foreach (var model in Catalog.Models)
        {
            var free = model.FindTier("free")!;
            free.Supported.Should().BeFalse();
            free.Rpm.Should().BeNull();
            free.MonthlyUsageLimit.Value.Should().Be(100);
        }
    }

    [Fact]
    public void AudioTokenRates_AreTenInTwentyOut_MarkedAsAnAssumption()
    {
        Catalog.AudioTokenRates.Input.TokensPerSecond.Should().Be(10);
        Catalog.AudioTokenRates.Output.TokensPerSecond.Should().Be(20);
        Catalog.AudioTokenRates.Source.IsAssumption.Should().BeTrue();
    }

    [Fact]
    public void Batch_IsNotSupported()
    {
        foreach (var model in Catalog.Models)
        {
            model.Endpoints["v1/batch"].Should().BeFalse("OpenAI's model page marks Batch not supported (FACTS.md)");
            model.Endpoints["v1/chat/completions"].Should().BeTrue();
        }
    }

    private (decimal Input, decimal Output) Section(string heading)
    {
        var match = Regex.Match(Seed, Regex.Escape(heading) + @"\nPer 1M tokens\nInput\n\$([0-9.]+)\nOutput\n\$([0-9.]+)");
        match.Success.Should().BeTrue($"the seed page has a '{heading}' price section");
        return (D(match.Groups[1].Value), D(match.Groups[2].Value));
    }

    private static decimal D(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);

    private static long Number(string s) => long.Parse(s, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"([0-9,]+) context window")]
    private static partial Regex ContextRegex();

    [GeneratedRegex(@"([0-9,]+) max output tokens")]
    private static partial Regex OutputRegex();

    [GeneratedRegex(@"(\w{3} \d{2}, \d{4}) knowledge cutoff")]
    private static partial Regex CutoffRegex();

    [GeneratedRegex(@"Tier (\d)\t([0-9,]+)\t([0-9,]+)")]
    private static partial Regex TierRegex();
}
