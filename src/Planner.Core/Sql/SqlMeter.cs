using Planner.Core.Catalog;

namespace Planner.Core.Sql;

/// <summary>One meter as the pricing query names it.</summary>
/// <param name="Meter">The meter.</param>
/// <param name="Name">Its name in the query's result and price columns ("text_input", "audio_output").</param>
/// <param name="Field">The usage field that counts its tokens: the trace format's column ("input_text_tokens").</param>
/// <param name="IsOutput">True for output meters (the output cap applies to their sum).</param>
public sealed record SqlMeter(Meter Meter, string Name, string Field, bool IsOutput);
