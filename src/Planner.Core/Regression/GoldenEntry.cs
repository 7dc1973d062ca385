namespace Planner.Core.Regression;

/// <summary>One figure of a golden snapshot: "gpt-audio-mini", "price from 2025-10-06: text_input (USD / 1M tokens)", "0.6".</summary>
/// <param name="Subject">The model, snapshot, alias, or "catalog".</param>
/// <param name="Figure">What the value is; unique per subject.</param>
/// <param name="Value">The value as the file shows it (exact, invariant culture).</param>
public sealed record GoldenEntry(string Subject, string Figure, string Value)
{
    /// <summary>"subject | figure", the entry's identity.</summary>
    public string Key => $"{Subject} | {Figure}";
}
