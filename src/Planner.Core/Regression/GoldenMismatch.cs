namespace Planner.Core.Regression;

/// <summary>A figure on which a catalog and its golden snapshot disagree.</summary>
/// <param name="Subject">The model, snapshot, alias, or "catalog".</param>
/// <param name="Figure">The figure.</param>
/// <param name="Golden">The value the golden file expects, or null when it lists no such figure.</param>
/// <param name="Catalog">The catalog's value, or null when the catalog has no such figure.</param>
public sealed record GoldenMismatch(string Subject, string Figure, string? Golden, string? Catalog)
{
    /// <summary>"gpt-audio-mini | price from 2025-10-06: text_input (USD / 1M tokens): golden 0.6, catalog 0.7".</summary>
    public override string ToString() =>
        $"{Subject} | {Figure}: golden {Golden ?? "(not listed)"}, catalog {Catalog ?? "(not listed)"}";
}
