using FsCheck;
using Planner.Core.Simulation;

namespace Planner.Core.Tests.Simulation;

public class CompletionCalendarTests
{
    private const long Second = TimeSpan.TicksPerSecond;

    /// <summary>A gap or a duration in ticks at one of several scales, from zero to hours (the calendar's buckets are
    /// about 0.1 s, and it reaches about 7 minutes ahead: beyond that a completion goes to its far heap).</summary>
    private static long Scaled(int value) => (value % 6) switch
    {
        0 => 0,
        1 => value % 1_000,                   // under a tick's thousand: many in one bucket
        2 => value % (2 * Second),            // within a few buckets
        3 => (value % 120) * Second,          // up to two minutes
        4 => (value % 3_600) * Second,        // up to an hour: past the calendar's reach
        _ => ((value % 50) + 1) * (Second / 10),
    };

    /// <summary>Against the obvious model: drop every completion at or before now, add the new one, count.</summary>
    [FsCheck.Xunit.Property(MaxTest = 500)]
    public void Admit_CountsAsTheListOfCompletionsDoes(NonNegativeInt[] gaps, NonNegativeInt[] durations)
    {
        var calendar = new CompletionCalendar();
        var inFlight = new List<long>();
        long now = 638_000_000_000_000_000; // 2022, in ticks: instants are large
        for (int i = 0; i < gaps.Length; i++)
        {
            now += Scaled(gaps[i].Get);
            long completes = now + (durations.Length == 0 ? 0 : Scaled(durations[i % durations.Length].Get));
            inFlight.RemoveAll(done => done <= now);
            inFlight.Add(completes);

            calendar.Admit(now, completes).Should().Be(inFlight.Count);
        }
    }

    [Fact]
    public void Admit_ThousandsInFlightAcrossTheCalendarsReach_CountedAsTheHeapDoes()
    {
        // A steady 100 requests a second of 0 to 500 s each for an hour, with a gap of a day in the middle: every bucket,
        // the far heap, and a jump past everything held.
        var calendar = new CompletionCalendar();
        var heap = new CompletionHeap();
        var random = new Random(7);
        long now = 638_000_000_000_000_000;
        for (int i = 0; i < 360_000; i++)
        {
            now += i == 180_000 ? TimeSpan.TicksPerDay : random.Next(0, 2 * (int)(Second / 100));
            long completes = now + (random.Next(0, 10) == 0 ? 0 : random.NextInt64(0, 500 * Second));

            calendar.Admit(now, completes).Should().Be(heap.Admit(now, completes));
        }
    }

    [Fact]
    public void Admit_CompletionAtNow_IsCountedAtItsOwnAdmissionOnly()
    {
        var calendar = new CompletionCalendar();

        calendar.Admit(10, 10).Should().Be(1);
        // Done at 10 <= now: gone before the next is counted.
        calendar.Admit(10, 15).Should().Be(1);
        calendar.Admit(11, 20).Should().Be(2);
        calendar.Admit(15, 16).Should().Be(2);
        calendar.Admit(100, 200).Should().Be(1);
        calendar.Admit(long.MaxValue / 2, long.MaxValue).Should().Be(1);
    }
}
