using Planner.Core.Catalog;

namespace Planner.Core.Crosscheck;

/// <summary>One model as a reference catalog lists it, in Planner's units: USD per 1M tokens by meter.</summary>
/// <param name="Id">The model's key or id in the file.</param>
/// <param name="Path">Its JSON path in the file ("$['gpt-realtime-2']", "$[3].models[12]").</param>
/// <param name="UsdPerMillion">Per meter the listed price, or null when the file lists none.</param>
/// <param name="ContextWindow">The context window (LiteLLM's max_input_tokens, genai-prices' context_window), if listed.</param>
/// <param name="MaxOutputTokens">The output cap (LiteLLM's max_output_tokens), if listed.</param>
public sealed record ReferenceModel(
    string Id,
    string Path,
    MeterValues<decimal?> UsdPerMillion,
    long? ContextWindow,
    long? MaxOutputTokens);
