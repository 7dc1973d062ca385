namespace Planner.Core.Crosscheck;

/// <summary>A catalog other tools use, that Planner's catalog is checked against.</summary>
public enum ReferenceSource
{
    /// <summary>LiteLLM's model_prices_and_context_window.json: per-token floats, one current value.</summary>
    LiteLlm,

    /// <summary>pydantic genai-prices' prices/data.json: per-million prices with dated constraints.</summary>
    GenAiPrices,
}
