namespace Planner.Core.Traces;

/// <summary>One rejected row.</summary>
/// <param name="Line">The 1-based line number (the header is line 1).</param>
/// <param name="Kind">A stable reason key such as "unparsable_field", "negative_count", "unknown_model", "over_cap", "out_of_order".</param>
/// <param name="Message">The reason naming the field and the value, e.g. "input_audio_tokens: must be a whole number >= 0, got '-3'".</param>
public sealed record TraceRejection(long Line, string Kind, string Message);
