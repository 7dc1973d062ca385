using System.Runtime.CompilerServices;

namespace Planner.Core.Simulation;

/// <summary>Counts the requests in flight exactly, in whichever of two structures is cheaper for the replay: a
/// <see cref="CompletionHeap"/> while few are in flight, a <see cref="CompletionCalendar"/> once many are. Admissions
/// must come in time order. Mutable, owned by one simulator.</summary>
/// <remarks>The heap's cost grows with its depth (a sift-down a removal); the calendar's with how often time moves into
/// a new bucket (about 0.1 s), which it does on nearly every admission when requests are admitted far apart, as in a
/// saturated low tier's queue (one every 0.12 s at 500 RPM): there the heap was a third cheaper a row, and with a
/// thousand in flight at 116 admissions a second the calendar was 10% cheaper. So the first
/// <see cref="DecideAfter"/> admissions go to the heap; if at that point <see cref="ManyInFlight"/> or more are in flight
/// (many requests admitted close together), its completions move to the calendar for the rest of the replay. Either
/// way the count is the same.</remarks>
internal sealed class InFlightCounter
{
    /// <summary>Admissions before the choice. The value is 4,096.</summary>
    public const int DecideAfter = 4096;

    /// <summary>In flight at the choice from which the calendar is used. The value is 128.</summary>
    public const int ManyInFlight = 128;

    private readonly CompletionHeap _heap = new();
    private CompletionCalendar? _calendar;
    private int _admitted;

    /// <summary>Removes every completion at or before <paramref name="now"/>, then adds <paramref name="completes"/>
    /// (counted even when it is <paramref name="now"/> itself); returns the count in flight after.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Admit(long now, long completes)
    {
        if (_calendar is { } calendar)
        {
            return calendar.Admit(now, completes);
        }

        int count = _heap.Admit(now, completes);
        if (++_admitted == DecideAfter && count >= ManyInFlight)
        {
            Switch(now);
        }

        return count;
    }

    private void Switch(long now)
    {
        var calendar = new CompletionCalendar();
        calendar.AddAll(_heap, now);
        _calendar = calendar;
    }
}
