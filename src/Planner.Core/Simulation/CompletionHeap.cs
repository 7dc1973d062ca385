using System.Runtime.CompilerServices;

namespace Planner.Core.Simulation;

/// <summary>The completion instants of the requests in flight, for counting concurrency: a binary min-heap of
/// plain longs. Mutable, owned by one simulator.</summary>
/// <remarks>It replaces a <c>PriorityQueue&lt;long, long&gt;</c> that cost a third of a simulated row (element and
/// priority pairs, a comparer, a full sift-down per dequeue). The one operation the simulator needs,
/// <see cref="Admit"/>, removes every completion at or before <c>now</c> and adds one: the first removal and the
/// addition are one sift-down of the new key from the root (the new key is usually later than most in flight,
/// so it sinks), which is half the work of a dequeue followed by an enqueue. The count is exactly the queue's.</remarks>
internal sealed class CompletionHeap
{
    private long[] _keys = new long[64];
    private int _count;

    /// <summary>Requests in flight.</summary>
    public int Count => _count;

    /// <summary>Removes every completion at or before <paramref name="now"/>, then adds <paramref name="completes"/>
    /// (counted even when it is <paramref name="now"/> itself); returns the count in flight after.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Admit(long now, long completes)
    {
        if (_count > 0 && _keys[0] <= now && completes > now)
        {
            // Replace the earliest with the new key and sink it; then drop the rest that are due.
            SiftDown(completes);
            while (_count > 0 && _keys[0] <= now)
            {
                RemoveFirst();
            }

            return _count;
        }

        while (_count > 0 && _keys[0] <= now)
        {
            RemoveFirst();
        }

        Add(completes);
        return _count;
    }

    /// <summary>Adds <paramref name="keys"/> (in any order) without counting: the completions in flight when a count
    /// carried on elsewhere (<see cref="InFlightPeak"/>) hands over to the heap.</summary>
    public void Seed(ReadOnlySpan<long> keys)
    {
        foreach (long key in keys)
        {
            Add(key);
        }
    }

    private void Add(long key)
    {
        if (_count == _keys.Length)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
        }

        var keys = _keys;
        int i = _count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            long p = keys[parent];
            if (p <= key)
            {
                break;
            }

            keys[i] = p;
            i = parent;
        }

        keys[i] = key;
    }

    private void RemoveFirst()
    {
        int last = --_count;
        if (last > 0)
        {
            SiftDown(_keys[last]);
        }
    }

    /// <summary>Puts <paramref name="key"/> at the root (replacing it) and sinks it among the first <see cref="_count"/>.</summary>
    /// <remarks>Branch-light: the smaller child is chosen arithmetically (keys are instants, >= 0, so their difference
    /// cannot overflow), as a compare-and-branch there is taken at random and mispredicted half the time.</remarks>
    private void SiftDown(long key)
    {
        unchecked
        {
            var keys = _keys;
            int n = _count;
            int i = 0;
            int child = 1;
            while (child < n)
            {
                long c = keys[child];
                if (child + 1 < n)
                {
                    child += (int)((ulong)(keys[child + 1] - c) >> 63);
                    c = keys[child];
                }

                if (key <= c)
                {
                    break;
                }

                keys[i] = c;
                i = child;
                child = (i << 1) + 1;
            }

            keys[i] = key;
        }
    }
}
