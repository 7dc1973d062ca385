using System.Runtime.CompilerServices;
using Planner.Core.Pricing;
using Planner.Core.Units;

namespace Planner.Core.Traces;

/// <summary>Adds a valid row's cost straight to <paramref name="costs"/> (<see cref="TraceReader.ReadInto"/>): the same sums
/// as <see cref="TraceCosts.Add(in TraceRequest)"/> of its request, without building it.</summary>
internal readonly struct CostsRowTarget(TraceCosts costs) : IRowTarget
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Take(long line, long ticks, ModelSlot slot, in Usage usage, TokenCount? maxTokens, in PriceSheet sheet) =>
        costs.AddRow(slot.Model, ticks, usage, sheet.Price(usage));

    public void None()
    {
    }
}
