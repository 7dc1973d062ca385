using FsCheck;
using Planner.Core.Simulation;

namespace Planner.Core.Tests.Simulation;

public class CompletionHeapTests
{
    /// <summary>Against the obvious model: drop every completion at or before now, add the new one, count.</summary>
    [FsCheck.Xunit.Property(MaxTest = 300)]
    public void Admit_CountsAsTheListOfCompletionsDoes(NonNegativeInt[] gaps, NonNegativeInt[] durations)
    {
        var heap = new CompletionHeap();
        var inFlight = new List<long>();
        long now = 1_000;
        for (int i = 0; i < gaps.Length; i++)
        {
            // Gaps and durations from zero (a request that completes the instant it is admitted) to minutes.
            now += gaps[i].Get % 7 == 0 ? 0 : gaps[i].Get * 1_000L;
            long completes = now + (durations.Length == 0 ? 0 : durations[i % durations.Length].Get % 11 == 0 ? 0 : durations[i % durations.Length].Get * 3_000L);
            inFlight.RemoveAll(done => done <= now);
            inFlight.Add(completes);

            heap.Admit(now, completes).Should().Be(inFlight.Count);
        }
    }

    [Fact]
    public void Admit_CompletionAtNow_IsCountedAtItsOwnAdmissionOnly()
    {
        var heap = new CompletionHeap();

        heap.Admit(10, 10).Should().Be(1);
        // Done at 10 <= now: gone before the next is counted.
        heap.Admit(10, 15).Should().Be(1);
        heap.Admit(11, 20).Should().Be(2);
        heap.Admit(15, 16).Should().Be(2);
        heap.Admit(100, 200).Should().Be(1);
    }
}
