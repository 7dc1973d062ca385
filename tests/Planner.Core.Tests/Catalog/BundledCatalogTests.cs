using System.Globalization;
using System.Text.RegularExpressions;
using Planner.Core.Catalog;

namespace Planner.Core.Tests.Catalog;

/// <summary>gpt-audio-mini's figures checked against the seed page (parsed from its copy in data/sources/);
/// the figures of every model against the facts table by table are in <see cref="BundledCatalogFactsTests"/>.</summary>
public partial class BundledCatalogTests
{
    private static readonly ModelCatalog Catalog = TestData.Catalog;
    private static readonly string Seed = File.ReadAllText(Path.Combine(TestData.DataDirectory, "sources", "gpt-audio-mini-model-page.txt"));

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
            var tier = Catalog.TiersAt(model, new DateOnly(2026, 1, 15))!.Find(TierName.Parse(row.Groups[1].Value))!;
            tier.Rpm!.Value.Value.Should().Be(Number(row.Groups[2].Value));
            tier.Tpm!.Value.Value.Should().Be(Number(row.Groups[3].Value));
        }

        Seed.Should().Contain("Free\tNot supported");
        model.FindTier("free")!.Supported.Should().BeFalse();
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
        foreach (var model in Catalog.Models.Where(m => m.Api == ModelApi.ChatCompletions))
        {
            model.Endpoints["v1/batch"].Should().BeFalse("OpenAI's model page marks Batch not supported");
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
