using Planner.Core.Catalog;
using Planner.Core.Units;

namespace Planner.Core.Tests.Calls;

/// <summary>Realtime and Chat Completions audio models built in code with FACTS.md's figures (sections 1, 2, 4),
/// so call tests do not depend on what the bundled catalog holds.</summary>
internal static class CallModels
{
    public static readonly DateOnly Today = new(2026, 12, 1);
    public static readonly DateOnly Shutdown = new(2027, 1, 20);
    private static readonly Source Facts = new("https://developers.openai.com/api/docs/models");

    /// <summary>gpt-realtime-2.1-mini: text 0.60 / 0.06 / 2.40, audio 10 / 0.30 / 20; 128,000 / 32,000.</summary>
    public static ModelSpec RealtimeMini21 { get; } = Model("gpt-realtime-2.1-mini", ModelApi.Realtime, Prices(0.60m, 0.06m, 10m, 0.30m, 2.40m, 20m), 128_000, 32_000, RealtimeTiers())
        with { Released = new DateOnly(2026, 7, 6) };

    /// <summary>gpt-realtime-mini: the same prices on a 32,000 / 4,096 model (truncates early); shuts down 2027-01-20.</summary>
    public static ModelSpec RealtimeMini { get; } = Model("gpt-realtime-mini", ModelApi.Realtime, Prices(0.60m, 0.06m, 10m, 0.30m, 2.40m, 20m), 32_000, 4_096, RealtimeTiers())
        with { Released = new DateOnly(2025, 12, 15), Deprecated = new DateOnly(2026, 7, 20), Shutdown = Shutdown, Replacement = "gpt-realtime-2.1-mini" };

    /// <summary>gpt-audio-mini: text 0.60 / - / 2.40, audio 10 / 20; 128,000 / 16,384; shuts down 2027-01-20.</summary>
    public static ModelSpec AudioMini { get; } = Model("gpt-audio-mini", ModelApi.ChatCompletions, Prices(0.60m, null, 10m, null, 2.40m, 20m), 128_000, 16_384, AudioTiers())
        with { Released = new DateOnly(2025, 12, 15), Deprecated = new DateOnly(2026, 7, 20), Shutdown = Shutdown, Replacement = "gpt-audio-1.5" };

    /// <summary>gpt-audio-1.5: text 2.50 / - / 10, audio 32 / 64; 128,000 / 16,384.</summary>
    public static ModelSpec Audio15 { get; } = Model("gpt-audio-1.5", ModelApi.ChatCompletions, Prices(2.50m, null, 32m, null, 10m, 64m), 128_000, 16_384, AudioTiers())
        with { Released = new DateOnly(2026, 2, 23) };

    public static ModelCatalog Catalog { get; } = new([AudioMini, Audio15, RealtimeMini, RealtimeMini21], new AudioTokenRates
    {
        Input = AudioTokenRate.FromTokensPerSecond(10m),
        Output = AudioTokenRate.FromTokensPerSecond(20m),
        Source = new Source("https://developers.openai.com/api/docs/guides/realtime-costs"),
    });

    public static AudioTokenRates Rates => Catalog.AudioTokenRates;

    public static ResolvedModel Resolve(string name) => Catalog.Resolve(name);

    private static ModelSpec Model(string id, ModelApi api, PriceSet prices, long context, long maxOutput, IReadOnlyList<UsageTier> tiers) => new()
    {
        Id = id,
        DisplayName = id,
        Api = api,
        Prices = [prices],
        ContextWindow = new TokenCount(context),
        MaxOutputTokens = new TokenCount(maxOutput),
        LimitsSource = Facts,
        TierLadders = [new TierLadder(Scheme, tiers)],
    };

    private static PriceSet Prices(decimal text, decimal? cachedText, decimal audio, decimal? cachedAudio, decimal textOut, decimal audioOut) => new()
    {
        EffectiveFrom = new DateOnly(2025, 1, 1),
        TextInput = P(text),
        CachedTextInput = cachedText is { } c ? P(c) : null,
        AudioInput = P(audio),
        CachedAudioInput = cachedAudio is { } ca ? P(ca) : null,
        TextOutput = P(textOut),
        AudioOutput = P(audioOut),
        Source = Facts,
    };

    private static PricePerMillionTokens P(decimal usd) => PricePerMillionTokens.FromUsdPerMillion(usd);

    /// <summary>The bundled catalog's scheme from 2026-10-06 (Free, Build, Launch, Grow), whose order the ladders follow.</summary>
    public static TierScheme Scheme => TestData.Catalog.TierSchedule.Schemes.Single(s => s.Id == "free-build-launch-grow");

    /// <summary>The scheme from 2026-10-06: Free (not supported), Build = old tier 2, Launch = old tier 4, Grow = old tier 5.</summary>
    private static IReadOnlyList<UsageTier> RealtimeTiers() => Tiers((400, 200_000), (10_000, 4_000_000), (20_000, 15_000_000));

    private static IReadOnlyList<UsageTier> AudioTiers() => Tiers((5_000, 450_000), (10_000, 2_000_000), (10_000, 30_000_000));

    private static IReadOnlyList<UsageTier> Tiers((long Rpm, long Tpm) build, (long Rpm, long Tpm) launch, (long Rpm, long Tpm) grow) =>
    [
        new UsageTier { Tier = TierName.Parse("free"), SchemeId = Scheme.Id, Supported = false, MonthlyUsageLimit = Usd.FromDollars(100m), Qualification = "allowed geography", Source = Facts, UsageLimitSource = Facts },
        Tier("build", build, 500m, "$5 total credit purchases"),
        Tier("launch", launch, 5_000m, "$100 total credit purchases"),
        Tier("grow", grow, 200_000m, "$500 total credit purchases"),
    ];

    private static UsageTier Tier(string name, (long Rpm, long Tpm) limits, decimal monthly, string qualification) => new()
    {
        Tier = TierName.Parse(name),
        SchemeId = Scheme.Id,
        Supported = true,
        Rpm = new RequestsPerMinute(limits.Rpm),
        Tpm = new TokensPerMinute(limits.Tpm),
        MonthlyUsageLimit = Usd.FromDollars(monthly),
        Qualification = qualification,
        Source = Facts,
        UsageLimitSource = Facts,
    };
}
