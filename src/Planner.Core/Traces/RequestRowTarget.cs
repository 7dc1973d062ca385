using System.Runtime.CompilerServices;
using Planner.Core.Pricing;
using Planner.Core.Units;

namespace Planner.Core.Traces;

/// <summary>Builds the <see cref="TraceRequest"/> of a valid row (<see cref="TraceReader.TryRead"/>). Its one field is the
/// request, so a <c>ref TraceRequest</c> is viewed as one of these and the request is written in place, once.</summary>
internal struct RequestRowTarget : IRowTarget
{
    public TraceRequest Request;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Take(long line, long ticks, ModelSlot slot, in Usage usage, TokenCount? maxTokens, in PriceSheet sheet) =>
        Request = new TraceRequest(line, new DateTimeOffset(ticks, TimeSpan.Zero), slot.Model, usage, maxTokens, sheet.Price(usage));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void None() => Request = default;
}
