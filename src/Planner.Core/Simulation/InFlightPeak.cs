using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Planner.Core.Simulation;

/// <summary>The most requests in flight at once, over admissions that come in time order: exactly the peak of
/// <see cref="CompletionHeap.Admit"/>'s counts, worked out a batch of admissions at a time without a heap. Mutable,
/// owned by one simulator; fixed memory apart from the completions still pending (as a heap would hold them).</summary>
/// <remarks>
/// <para>After admission i (at n_i, completing at c_i) the heap holds the admissions up to i less those j &lt; i with
/// c_j &lt;= n_i. With the admissions in time order that is the earliest k at which admission j has completed,
/// k_j = max(first k with n_k &gt;= c_j, j + 1), and the count after i is (i + 1) - #{j : k_j &lt;= i}. So a batch only
/// needs each completion's k (a histogram over the batch's admissions) and one running sum, not the heap's sift of
/// about log2(in flight) dependent loads an admission (tier 5 of the 10M trace: ~750 in flight, a third of a replayed row).</para>
/// <para>Each completion's k is found from a coarse index of the batch's admissions by time (buckets of a power of two
/// ticks, at most two an admission, counted and summed without a branch an admission), then two branch-free steps (a
/// gallop and a binary search for a crowded bucket). Completions after the batch's last admission stay pending into the
/// next batch, which takes at least as many admissions as are pending (so each is looked at a bounded number of times an
/// admission). Measured on the 10M trace's first 2M rows (<c>--quick-heap</c>): 8-10 ns an admission at every tier, against
/// the heap's 11 (tier 1, ~30 in flight) to 40 (tier 5). An admission earlier than the one before it (never from the
/// simulator), or more than 65,536 pending, hands over to the heap for good, with the same completions in it: the
/// counts stay exact either way.</para>
/// </remarks>
internal sealed class InFlightPeak
{
    private const int MinBatch = 1024;

    // Beyond this many pending (a latency far longer than the trace's gaps: minutes at thousands of requests a second)
    // the batches, as large as the pending, would hold several copies of them: the heap holds them once.
    private const int MaxPending = 1 << 16;

    private long[] _now = new long[MinBatch + 1]; // and a sentinel after the batch
    private long[] _completes = new long[MinBatch];
    private int _count;
    private long[] _pending = new long[64];
    private long[] _pendingNext = new long[64];
    private int _pendingCount;
    private int[] _completedAt = new int[MinBatch + 1];
    private int[] _firstAt = new int[(4 * MinBatch) + 2];
    // Admissions and completions counted in the batches before this one (the completed ones by k before the batch).
    private long _admitted;
    private long _completed;
    private long _peak;
    private long _last = long.MinValue;
    private CompletionHeap? _heap;

    /// <summary>The most in flight after any admission so far (0 before the first).</summary>
    public long Peak
    {
        get
        {
            Flush();
            return _peak;
        }
    }

    /// <summary>Adds an admission at <paramref name="now"/> (at or after the previous one) that completes at
    /// <paramref name="completes"/> (&gt;= <paramref name="now"/>: counted at its own admission even when it is now).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Admit(long now, long completes)
    {
        if (_count < _completes.Length && now >= _last && _heap is null)
        {
            _now[_count] = now;
            _completes[_count] = completes;
            _count++;
            _last = now;
            return;
        }

        AdmitSlow(now, completes);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AdmitSlow(long now, long completes)
    {
        if (_heap is null && now < _last)
        {
            // Out of time order: what is pending after the batch is what the heap would hold; it carries on from there.
            Flush();
            SwitchToHeap();
        }

        if (_heap is not null)
        {
            _peak = Math.Max(_peak, _heap.Admit(now, completes));
            return;
        }

        Flush();
        Admit(now, completes);
    }

    /// <summary>From here on the heap, holding what is pending (what the heap would hold after the last admission).</summary>
    private void SwitchToHeap()
    {
        if (_heap is null)
        {
            _heap = new CompletionHeap();
            _heap.Seed(_pending.AsSpan(0, _pendingCount));
            _pendingCount = 0;
        }
    }

    /// <summary>Counts the batch: each completion's k, then the counts after each admission, in one sweep.</summary>
    private void Flush()
    {
        int m = _count;
        if (m == 0)
        {
            return;
        }

        unchecked
        {
            long[] now = _now;
            long first = now[0];
            long last = now[m - 1];
            // The coarse index: bucket b (of width 2^shift from the first admission) starts at admission firstAt[b].
            ulong span = (ulong)(last - first);
            int shift = Math.Max(0, 64 - System.Numerics.BitOperations.LeadingZeroCount(span) - (31 - System.Numerics.BitOperations.LeadingZeroCount((uint)m)) - 1);
            int buckets = (int)(span >> shift) + 1;
            if (_firstAt.Length < buckets + 1)
            {
                _firstAt = new int[buckets + 1];
            }

            // Counted a bucket at a time, then summed: without a branch an admission.
            var firstAtSpan = _firstAt.AsSpan(0, buckets + 1);
            firstAtSpan.Clear();
            ref int firstAt = ref MemoryMarshal.GetArrayDataReference(_firstAt);
            ref long n0 = ref MemoryMarshal.GetArrayDataReference(now);
            for (int k = 0; k < m; k++)
            {
                Unsafe.Add(ref firstAt, (int)((ulong)(Unsafe.Add(ref n0, k) - first) >> shift) + 1)++;
            }

            int sum = 0;
            for (int b = 0; b <= buckets; b++)
            {
                sum += Unsafe.Add(ref firstAt, b);
                Unsafe.Add(ref firstAt, b) = sum;
            }

            // After the last admission, a sentinel: the walks below stop there at the latest.
            now[m] = long.MaxValue;

            if (_completedAt.Length < m + 1)
            {
                _completedAt = new int[m + 1];
            }

            var completedAt = _completedAt.AsSpan(0, m + 1);
            completedAt.Clear();
            if (_pendingNext.Length < _pendingCount + m)
            {
                _pendingNext = new long[Math.Max(_pendingCount + m, _pendingNext.Length * 2)];
            }

            long[] next = _pendingNext;
            int stay = 0;
            // The completions pending from before the batch (every one after the previous batch's admissions: j + 1 <= 0).
            long[] pending = _pending;
            for (int p = 0; p < _pendingCount; p++)
            {
                long c = pending[p];
                if (c > last)
                {
                    next[stay++] = c;
                }
                else
                {
                    completedAt[FirstAtOrAfter(c, first, shift, m, ref firstAt, ref n0)]++;
                }
            }

            // The batch's own: at the earliest at the admission after their own.
            long[] completes = _completes;
            for (int j = 0; j < m; j++)
            {
                long c = completes[j];
                if (c > last)
                {
                    next[stay++] = c;
                    continue;
                }

                int at = Math.Max(FirstAtOrAfter(c, first, shift, m, ref firstAt, ref n0), j + 1);
                completedAt[at]++; // at == m: after the batch's last admission (a completion at that very instant)
            }

            // In flight after admission i: the admissions so far less the completions counted at or before i.
            long inFlight = _admitted - _completed;
            long peak = _peak;
            int completedInBatch = 0;
            for (int i = 0; i < m; i++)
            {
                inFlight += 1 - completedAt[i];
                completedInBatch += completedAt[i];
                peak = Math.Max(peak, inFlight);
            }

            _peak = peak;
            _admitted += m;
            _completed += completedInBatch;
            // Those counted at m (at the last admission's instant) are still in flight: pending, due at the next admission.
            for (int r = 0; r < completedAt[m]; r++)
            {
                next[stay++] = last;
            }

            (_pending, _pendingNext) = (next, pending);
            _pendingCount = stay;
            _count = 0;
            if (stay > MaxPending)
            {
                SwitchToHeap();
                return;
            }

            if (_completes.Length < stay)
            {
                // As many admissions a batch as are pending, so each pending completion is looked at a bounded number of times.
                _now = new long[stay + 1];
                _completes = new long[stay];
            }
        }
    }

    /// <summary>The first admission of the batch at or after <paramref name="c"/> (which is at most the last one), from the
    /// coarse index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FirstAtOrAfter(long c, long first, int shift, int m, ref int firstAt, ref long n0)
    {
        unchecked
        {
            if (c <= first)
            {
                return 0;
            }

            int k = Unsafe.Add(ref firstAt, (int)((ulong)(c - first) >> shift));
            // c is in that bucket, so its first admission at or after is at or after the bucket's first; admissions are in
            // time order and the one after the last is a sentinel, so stepping while they are earlier stops at the answer.
            // Two steps without a branch (a bucket holds about one admission), then a loop for a crowded bucket.
            k += Unsafe.Add(ref n0, k) < c ? 1 : 0;
            k += Unsafe.Add(ref n0, k) < c ? 1 : 0;
            if (Unsafe.Add(ref n0, k) >= c)
            {
                return k;
            }

            return Search(c, k, m, ref n0);
        }
    }

    /// <summary>The first admission at or after <paramref name="c"/>, after <paramref name="k"/> (which is earlier);
    /// admission <paramref name="m"/> is the sentinel.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Search(long c, int k, int m, ref long n0)
    {
        unchecked
        {
            // Gallop to a bound, then binary search: a crowded bucket costs log steps, not its length.
            int lo = k + 1; // every admission before lo is earlier than c
            int hi = lo;
            int step = 1;
            while (Unsafe.Add(ref n0, hi) < c)
            {
                lo = hi + 1;
                hi = Math.Min(hi + step, m);
                step <<= 1;
            }

            while (lo < hi)
            {
                int mid = (int)((uint)(lo + hi) >> 1);
                if (Unsafe.Add(ref n0, mid) >= c)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            return lo;
        }
    }
}
