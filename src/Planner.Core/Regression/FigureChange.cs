namespace Planner.Core.Regression;

/// <summary>A cap, tier limit, monthly usage limit or audio-token rate that differs between the catalogs.</summary>
/// <param name="Subject">The model id, or "catalog" for catalog-wide figures.</param>
/// <param name="Figure">The figure's name, e.g. "context_window", "tier 1 rpm", "audio_input_tokens_per_second".</param>
/// <param name="Unit">The figure's unit.</param>
/// <param name="Old">The base value, or null when the base has none (a tier absent or not supported).</param>
/// <param name="New">The head value, or null when the head has none.</param>
public sealed record FigureChange(string Subject, string Figure, FigureUnit Unit, decimal? Old, decimal? New)
{
    /// <summary>(new - old) / old x 100; null when either is missing or old is zero.</summary>
    public decimal? Percent => Old is { } o && New is { } n ? PercentChange.Of(o, n) : null;
}
