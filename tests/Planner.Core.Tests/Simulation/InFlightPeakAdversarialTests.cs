using Planner.Core.Simulation;

namespace Planner.Core.Tests.Simulation;

/// <summary>Batched peak concurrency against the heap (and a list model where it is fast enough) on long, adversarial
/// admission streams: past many 1,024-admission batches, thousands at one instant, 1k-70k pending and across the 65,536
/// hand-over to the heap, crowded buckets, out-of-order admissions late in a stream, ticks near 2^58, and the peak read
/// between admissions at many strides. (Written by the independent audit of issue 13; the property tests in
/// InFlightPeakTests draw short streams.)</summary>
public class InFlightPeakAdversarialTests
{
    // Naive model: remove every completion <= now, add, count (the heap's definition).
    private sealed class Naive
    {
        private readonly List<long> _keys = [];
        public long Peak;
        public void Admit(long now, long completes)
        {
            _keys.RemoveAll(k => k <= now);
            _keys.Add(completes);
            Peak = Math.Max(Peak, _keys.Count);
        }
    }

    private static (long Now, long Completes)[] Generate(int seed, int kind, int n)
    {
        var r = new Random(seed);
        var list = new (long, long)[n];
        long now = kind == 5 ? 1L << 58 : 0;
        for (int i = 0; i < n; i++)
        {
            switch (kind)
            {
                case 0: // huge equal-instant clusters, completions on later cluster instants
                    if (r.Next(3000) == 0) now += 10 * r.Next(1, 4);
                    list[i] = (now, now + 10 * r.Next(0, 4));
                    break;
                case 1: // long latencies: pending in the thousands to ~70k
                    now += r.Next(3);
                    list[i] = (now, now + r.Next(0, 140_000));
                    break;
                case 2: // sparse clusters far apart (crowded buckets), completions equal to admission instants
                    now += r.Next(100) == 0 ? r.Next(1, 1_000_000_000) : r.Next(2);
                    list[i] = (now, now + (r.Next(4) == 0 ? 0 : r.Next(5)));
                    break;
                case 3: // out-of-order admissions late in the stream
                    now += r.Next(1000);
                    long at = i > 3000 && r.Next(500) == 0 ? Math.Max(0, now - r.Next(5000)) : now;
                    list[i] = (at, at + r.Next(0, 20_000));
                    break;
                case 4: // completions exactly on later admissions' instants (latency a multiple of the gap)
                    now += 7;
                    list[i] = (now, now + 7 * r.Next(0, 300));
                    break;
                case 5: // large absolute ticks and spans, long and zero latencies mixed
                    now += r.Next(2) == 0 ? 0 : (long)r.Next() * r.Next(1, 1000);
                    list[i] = (now, now + (r.Next(3) == 0 ? 0 : (long)r.Next() * r.Next(1, 5000)));
                    break;
                case 6: // pending right around 65,536: a constant in flight just above and below the threshold
                    now += 1;
                    list[i] = (now, now + 65_530 + r.Next(0, 12));
                    break;
            }
        }

        return list;
    }

    [Theory]
    [InlineData(0, 0, 20_000, 0)]
    [InlineData(1, 0, 20_000, 50)]
    [InlineData(2, 1, 300_000, 0)]
    [InlineData(3, 1, 300_000, 20_000)]
    [InlineData(4, 2, 100_000, 0)]
    [InlineData(5, 2, 100_000, 300)]
    [InlineData(6, 3, 50_000, 0)]
    [InlineData(7, 3, 50_000, 97)]
    [InlineData(8, 4, 100_000, 0)]
    [InlineData(9, 4, 100_000, 1023)]
    [InlineData(10, 5, 100_000, 0)]
    [InlineData(11, 5, 100_000, 4)]
    [InlineData(12, 6, 200_000, 0)]
    [InlineData(13, 6, 200_000, 1024)]
    public void LongAdversarialStream_GivesTheHeapsPeak_AtEveryRead(int seed, int kind, int n, int readEvery)
    {
        var admissions = Generate(seed, kind, n);
        var peak = new InFlightPeak();
        var heap = new CompletionHeap();
        long heapPeak = 0;
        var naive = kind is 1 or 6 ? null : new Naive();
        for (int i = 0; i < admissions.Length; i++)
        {
            var (now, completes) = admissions[i];
            peak.Admit(now, completes);
            heapPeak = Math.Max(heapPeak, heap.Admit(now, completes));
            naive?.Admit(now, completes);
            if (readEvery > 0 && i % readEvery == readEvery - 1)
            {
                peak.Peak.Should().Be(heapPeak, $"at admission {i}");
            }
        }

        peak.Peak.Should().Be(heapPeak);
        if (naive is not null) heapPeak.Should().Be(naive.Peak);
    }

    // 200,000 random streams of 1-8 admissions, instants and latencies in 0..2, one in ten admitted a tick early,
    // with reads between, against the list model.
    [Fact]
    public void ShortRandomStreams_WithOutOfOrderAdmissionsAndReads_GiveTheListModelsPeak()
    {
        var r = new Random(99);
        for (int t = 0; t < 200_000; t++)
        {
            int n = r.Next(1, 9);
            var peak = new InFlightPeak();
            var naive = new Naive();
            long now = 0;
            var log = new List<string>();
            for (int i = 0; i < n; i++)
            {
                now += r.Next(3) == 0 ? 1 : 0;
                long at = r.Next(10) == 0 ? Math.Max(0, now - 1) : now;
                long c = at + r.Next(0, 3);
                peak.Admit(at, c); naive.Admit(at, c); log.Add($"({at},{c})");
                if (r.Next(4) == 0)
                {
                    peak.Peak.Should().Be(naive.Peak, string.Join(" ", log) + " read");
                    log.Add("R");
                }
            }

            peak.Peak.Should().Be(naive.Peak, string.Join(" ", log));
        }
    }
}
