namespace Planner.Contract;

/// <summary>One assumption a result rests on: what was assumed, its value, and why (so a reader knows which
/// figures are certain and which they may override).</summary>
/// <param name="Name">A stable snake_case key, one per condition across all commands, e.g.
/// "audio_input_tokens_per_second", "audio_counts_toward_tpm". Its JSON key is <c>name</c> (as before the contract).</param>
/// <param name="Value">The assumed value as text, e.g. "10".</param>
/// <param name="Why">Where the value comes from and how to override it.</param>
public sealed record AssumptionItem(string Name, string Value, string Why);
