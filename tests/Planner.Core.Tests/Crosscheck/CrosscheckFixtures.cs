using Planner.Core.Catalog;
using Planner.Core.Units;

namespace Planner.Core.Tests.Crosscheck;

/// <summary>A catalog built in code with FACTS.md section 2's figures for the models whose errors in other
/// catalogs FACTS.md lists, and small reference files written by hand in each tool's format.</summary>
internal static class CrosscheckFixtures
{
    private static PricePerMillionTokens? P(decimal? usd) => usd is { } u ? PricePerMillionTokens.FromUsdPerMillion(u) : null;

    private static ModelSpec Model(string id, decimal[] text, decimal[] audio, decimal[]? image, long context, long maxOutput) =>
        TestData.Model(id,
        [
            new PriceSet
            {
                EffectiveFrom = new DateOnly(2024, 10, 1),
                TextInput = P(text[0]),
                CachedTextInput = text.Length > 2 ? P(text[1]) : null,
                TextOutput = P(text[^1]),
                AudioInput = P(audio[0]),
                CachedAudioInput = audio.Length > 2 ? P(audio[1]) : null,
                AudioOutput = P(audio[^1]),
                ImageInput = image is null ? null : P(image[0]),
                CachedImageInput = image is null ? null : P(image[1]),
                Source = TestData.TestSource,
            },
        ]) with { ContextWindow = new TokenCount(context), MaxOutputTokens = new TokenCount(maxOutput) };

    /// <summary>FACTS.md 2: text in / cached / out, audio in / cached / out, image in / cached, context / max out.</summary>
    public static ModelCatalog Catalog { get; } = new(
        [
            Model("gpt-realtime-2", [4m, 0.40m, 24m], [32m, 0.40m, 64m], [5m, 0.50m], 128_000, 32_000),
            Model("gpt-realtime-2.1-mini", [0.60m, 0.06m, 2.40m], [10m, 0.30m, 20m], [0.80m, 0.08m], 128_000, 32_000),
            Model("gpt-realtime-mini", [0.60m, 0.06m, 2.40m], [10m, 0.30m, 20m], [0.80m, 0.08m], 32_000, 4_096),
            Model("gpt-4o-audio-preview", [2.50m, 10m], [40m, 80m], null, 128_000, 16_384),
        ],
        TestData.Rates());

    public static readonly DateOnly At = new(2026, 12, 1);

    /// <summary>LiteLLM's format, with FACTS.md's known errors: gpt-realtime-2 text output $16 (official $24) and
    /// 32k / 4,096 context; gpt-realtime-2.1-mini max output 4,096 (official 32,000); gpt-realtime-mini 128k
    /// context (official 32k). Everything else right, written as per-token floats the way LiteLLM writes them.</summary>
    public const string LiteLlm = """
        {
          "sample_spec": {"max_tokens": "LEGACY parameter", "input_cost_per_token": 0.0, "litellm_provider": "one of https://docs.litellm.ai/docs/providers"},
          "gpt-realtime-2": {
            "input_cost_per_token": 4e-06, "cache_read_input_token_cost": 4e-07, "output_cost_per_token": 1.6e-05,
            "input_cost_per_audio_token": 3.2e-05, "cache_read_input_audio_token_cost": 4e-07, "output_cost_per_audio_token": 6.4e-05,
            "input_cost_per_image_token": 5e-06, "cache_read_input_image_token_cost": 5e-07,
            "max_input_tokens": 32000, "max_output_tokens": 4096, "max_tokens": 4096,
            "litellm_provider": "openai", "mode": "realtime"
          },
          "gpt-realtime-2.1-mini": {
            "input_cost_per_token": 6e-07, "cache_read_input_token_cost": 6e-08, "output_cost_per_token": 2.4e-06,
            "input_cost_per_audio_token": 1e-05, "cache_read_input_audio_token_cost": 3e-07, "output_cost_per_audio_token": 2e-05,
            "input_cost_per_image_token": 8e-07, "cache_read_input_image_token_cost": 8e-08,
            "max_input_tokens": 128000, "max_output_tokens": 4096, "litellm_provider": "openai", "mode": "realtime"
          },
          "gpt-realtime-mini": {
            "input_cost_per_token": 6e-07, "cache_read_input_token_cost": 6e-08, "output_cost_per_token": 2.4e-06,
            "input_cost_per_audio_token": 1e-05, "cache_read_input_audio_token_cost": 3.0000000000000004e-07, "output_cost_per_audio_token": 2e-05,
            "input_cost_per_image_token": 8e-07, "cache_read_input_image_token_cost": 8e-08,
            "max_input_tokens": 128000, "max_output_tokens": 4096, "litellm_provider": "openai", "mode": "realtime"
          },
          "gpt-4o-audio-preview": {
            "input_cost_per_token": 2.5e-06, "output_cost_per_token": 1e-05,
            "input_cost_per_audio_token": 4e-05, "output_cost_per_audio_token": 8e-05,
            "max_input_tokens": 128000, "max_output_tokens": 16384, "litellm_provider": "openai", "mode": "chat"
          },
          "azure/gpt-4o-audio-preview": {"input_cost_per_token": "not read: another provider"}
        }
        """;

    /// <summary>genai-prices' prices/data.json format, with FACTS.md's known error: gpt-4o-audio-preview's audio at
    /// the text rate (no audio prices, so audio tokens bill as text). gpt-realtime-2.1-mini carries dated prices
    /// (an older set, then the right one from 2026-07-06); gpt-realtime-2 is not listed.</summary>
    public const string GenAiPrices = """
        [
          {"id": "anthropic", "name": "Anthropic", "api_pattern": "x", "models": [
            {"id": "claude-3-haiku", "match": {"starts_with": "claude-3-haiku"}, "prices": {"input_mtok": 0.25, "output_mtok": 1.25}}
          ]},
          {"id": "openai", "name": "OpenAI", "api_pattern": "https://api\\.openai\\.com", "models": [
            {"id": "gpt-4o-audio-preview", "match": {"starts_with": "gpt-4o-audio-preview"}, "context_window": 128000,
             "prices": {"input_mtok": 2.5, "output_mtok": 10}},
            {"id": "gpt-realtime-2.1-mini", "match": {"equals": "gpt-realtime-2.1-mini"}, "context_window": 128000,
             "prices": [
               {"prices": {"input_mtok": 1, "output_mtok": 4}},
               {"constraint": {"start_date": "2026-07-06"}, "prices": {
                 "input_mtok": 0.6, "cache_read_mtok": 0.06, "output_mtok": 2.4,
                 "input_audio_mtok": 10, "cache_audio_read_mtok": 0.3, "output_audio_mtok": {"base": 20, "tiers": [{"start": 200000, "price": 40}]}}}
             ]},
            {"id": "gpt-realtime-mini", "match": {"or": [{"equals": "gpt-realtime-mini"}, {"starts_with": "gpt-realtime-mini-2025"}]}, "context_window": 32000,
             "prices": {"input_mtok": 0.6, "cache_read_mtok": 0.06, "output_mtok": 2.4, "input_audio_mtok": 10, "cache_audio_read_mtok": 0.3, "output_audio_mtok": 20}}
          ]}
        ]
        """;

    /// <summary>Writes <paramref name="text"/> to a temporary file (deleted at process exit) and returns its path.</summary>
    public static string File(string text, string extension = ".json")
    {
        string path = Path.Combine(Path.GetTempPath(), "planner-crosscheck-" + Guid.NewGuid().ToString("N") + extension);
        System.IO.File.WriteAllText(path, text);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => System.IO.File.Delete(path);
        return path;
    }
}
