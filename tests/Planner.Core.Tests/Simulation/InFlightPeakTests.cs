using FsCheck;
using Planner.Core.Simulation;

namespace Planner.Core.Tests.Simulation;

public class InFlightPeakTests
{
    /// <summary>Against the heap it replaces (and so the list model of CompletionHeapTests): the same peak after every
    /// admission, read at random points (a read counts the batch so far, and admissions go on after it).</summary>
    [FsCheck.Xunit.Property(MaxTest = 300)]
    public void Peak_IsTheHeapsPeak(NonNegativeInt[] gaps, NonNegativeInt[] durations, NonNegativeInt[] reads)
    {
        var peak = new InFlightPeak();
        var heap = new CompletionHeap();
        long heapPeak = 0;
        long now = 1_000;
        var readAt = reads.Select(r => r.Get % Math.Max(1, gaps.Length)).ToHashSet();
        for (int i = 0; i < gaps.Length; i++)
        {
            // Gaps from zero (several admissions at one instant) to minutes; durations from zero to minutes, a few far longer.
            now += gaps[i].Get % 7 == 0 ? 0 : gaps[i].Get * 1_000L;
            int d = durations.Length == 0 ? 0 : durations[i % durations.Length].Get;
            long completes = now + (d % 11 == 0 ? 0 : d % 13 == 0 ? d * 10_000_000L : d * 3_000L);
            peak.Admit(now, completes);
            heapPeak = Math.Max(heapPeak, heap.Admit(now, completes));
            if (readAt.Contains(i))
            {
                peak.Peak.Should().Be(heapPeak);
            }
        }

        peak.Peak.Should().Be(heapPeak);
    }

    /// <summary>Batches of 1,024 and more: a long run at a steady rate with a burst, across many batch boundaries, with
    /// completions due exactly at later admissions' instants, and at the batch's last instant.</summary>
    [Theory]
    [InlineData(1, 0, 50_000)]
    [InlineData(7, 3, 50_000)]
    [InlineData(13, 100, 50_000)]
    [InlineData(2, 1_000, 200_000)]
    public void Peak_OverManyBatches_IsTheHeapsPeak(int seed, int zeroShare, int admissions)
    {
        var random = new Random(seed);
        var peak = new InFlightPeak();
        var heap = new CompletionHeap();
        long heapPeak = 0;
        long now = 0;
        for (int i = 0; i < admissions; i++)
        {
            // A burst (every gap 0 or 1 tick) for a while, else gaps of up to 0.2 s; durations 0 (1 in zeroShare), else 0.5-20 s
            // in whole 10 ms steps, so many completions fall exactly on an admission's instant.
            bool burst = i % 20_000 is > 5_000 and < 6_000;
            now += burst ? random.Next(2) : random.Next(2_000_000);
            long duration = zeroShare > 0 && random.Next(zeroShare) == 0 ? 0 : 5_000_000 + (random.Next(2_000) * 100_000L);
            long completes = burst && random.Next(3) == 0 ? now + random.Next(3) : now + duration;
            peak.Admit(now, completes);
            heapPeak = Math.Max(heapPeak, heap.Admit(now, completes));
        }

        peak.Peak.Should().Be(heapPeak);
        heapPeak.Should().BeGreaterThan(100); // the case holds many in flight, not a trivial one
    }

    [Fact]
    public void Peak_WorkedByHand()
    {
        // Admissions at 10, 10, 11, 15, 100 completing at 10, 15, 20, 16, 200 (CompletionHeapTests' case): in flight after each
        // 1 (the one done at 10 counts at its own admission), 1 (it is gone at the next), 2, 2 (15 is done at 15), 1.
        var peak = new InFlightPeak();
        peak.Admit(10, 10);
        peak.Peak.Should().Be(1);
        peak.Admit(10, 15);
        peak.Admit(11, 20);
        peak.Admit(15, 16);
        peak.Admit(100, 200);
        peak.Peak.Should().Be(2);
    }

    [Fact]
    public void Peak_BeforeAnyAdmission_IsZero() => new InFlightPeak().Peak.Should().Be(0);

    /// <summary>An admission earlier than the one before it (the simulator never makes one) hands over to the heap with
    /// what is in flight: the count goes on as the heap's would.</summary>
    [Fact]
    public void Admit_OutOfOrder_CarriesOnAsTheHeap()
    {
        var peak = new InFlightPeak();
        var heap = new CompletionHeap();
        long heapPeak = 0;
        var admissions = new (long Now, long Completes)[]
        {
            (100, 500), (200, 600), (300, 700), (250, 900), (260, 270), (800, 900), (800, 801), (950, 2_000),
        };
        foreach (var (now, completes) in admissions)
        {
            peak.Admit(now, completes);
            heapPeak = Math.Max(heapPeak, heap.Admit(now, completes));
        }

        // In flight: 1, 2, 3, then at 250 (none done) 4, at 260 5, at 800 (500, 600, 700, 270 done) 2, 3, at 950 (801, 900, 900 done) 1.
        heapPeak.Should().Be(5);
        peak.Peak.Should().Be(5);
    }

    /// <summary>More pending than a batch may hold (completions far beyond the trace): handed over to the heap, still exact.</summary>
    [Fact]
    public void Peak_WithVeryManyPending_IsTheHeapsPeak()
    {
        var peak = new InFlightPeak();
        var heap = new CompletionHeap();
        long heapPeak = 0;
        for (long i = 0; i < 100_000; i++)
        {
            long now = i * 10;
            long completes = i % 1_000 == 0 ? now + 5 : now + 10_000_000; // nearly all still in flight at the end
            peak.Admit(now, completes);
            heapPeak = Math.Max(heapPeak, heap.Admit(now, completes));
        }

        peak.Peak.Should().Be(heapPeak);
        heapPeak.Should().Be(99_900);
    }
}
