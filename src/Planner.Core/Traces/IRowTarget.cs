using Planner.Core.Pricing;
using Planner.Core.Units;

namespace Planner.Core.Traces;

/// <summary>What <see cref="TraceReader"/> does with a row once it is valid: build the <see cref="TraceRequest"/> a sink takes
/// (<see cref="RequestRowTarget"/>), or add its cost straight to a <see cref="TraceCosts"/> (<see cref="CostsRowTarget"/>, for
/// <c>price</c>, which needs neither the request nor its 176 bytes). A struct type argument: the parser is compiled once
/// per target, with <see cref="Take"/> inlined, so the checks and rejections are one source for both.</summary>
internal interface IRowTarget
{
    /// <summary>Takes a valid row: its line, instant (UTC ticks), model, tokens, max_tokens and the sheet that prices it.</summary>
    void Take(long line, long ticks, ModelSlot slot, in Usage usage, TokenCount? maxTokens, in PriceSheet sheet);

    /// <summary>Called when no row is taken (the end of the input, a bad row that ends a chunk).</summary>
    void None();
}
