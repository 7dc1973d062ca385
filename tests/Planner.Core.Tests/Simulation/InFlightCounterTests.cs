using Planner.Core.Simulation;

namespace Planner.Core.Tests.Simulation;

public class InFlightCounterTests
{
    private const long Second = TimeSpan.TicksPerSecond;

    /// <summary>Many in flight when the counter chooses (it moves to the calendar) and few (it keeps the heap): the
    /// same counts as the heap alone, before, at and after the choice.</summary>
    [Theory]
    [InlineData(200, 5, 1)] // 200 a second of up to 5 s: ~500 in flight at the choice
    [InlineData(200, 5, 2)]
    [InlineData(8, 3, 3)]   // 8 a second of up to 3 s: ~12 in flight
    [InlineData(1_000, 0, 4)] // every request completes the instant it is admitted
    public void Admit_CountsAsTheHeapDoes(int perSecond, int maxSeconds, int seed)
    {
        var counter = new InFlightCounter();
        var heap = new CompletionHeap();
        var random = new Random(seed);
        long now = 638_000_000_000_000_000;
        bool many = false;
        for (int i = 0; i < 3 * InFlightCounter.DecideAfter; i++)
        {
            now += random.NextInt64(0, 2 * Second / perSecond);
            long completes = now + (maxSeconds == 0 ? 0 : random.NextInt64(0, maxSeconds * Second));
            int expected = heap.Admit(now, completes);
            many |= i + 1 == InFlightCounter.DecideAfter && expected >= InFlightCounter.ManyInFlight;

            counter.Admit(now, completes).Should().Be(expected);
        }

        many.Should().Be(perSecond * maxSeconds > 500, "the cases cover both choices");
    }
}
