namespace Planner.Core.Projection;

/// <summary>A bottom-k sample of one model's requests: the <see cref="Capacity"/> requests with the smallest keys
/// (<see cref="SampledRequest.KeyOf"/>). The keys are a seeded hash, independent of the tokens' values in effect, so the
/// kept requests are a uniform sample without replacement, like a reservoir's; unlike a reservoir, two samples of two
/// parts of an input merge into exactly the sample of the whole (the k smallest of the union), so a trace read in
/// chunks learns what a sequential read learns, to the last digit.</summary>
/// <remarks>A max-heap of (key, slot) over the kept requests: a new request costs one comparison with the largest
/// key kept when it is not kept (nearly always, once the sample is full), O(log k) when it is.</remarks>
internal sealed class RequestSample(int capacity)
{
    private (ulong Key, int Slot)[] _heap = [];
    private SampledRequest[] _rows = [];
    private bool _inInputOrder;

    /// <summary>The most requests kept.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>Requests kept.</summary>
    public int Count { get; private set; }

    /// <summary>True when a request with <paramref name="key"/> cannot be kept (the sample is full of smaller keys).</summary>
    public bool Rejects(ulong key) => Count == Capacity && !_inInputOrder && key > _heap[0].Key;

    /// <summary>Keeps <paramref name="request"/> if it is among the <see cref="Capacity"/> first by key.</summary>
    public void Offer(in SampledRequest request)
    {
        if (_inInputOrder)
        {
            RestoreHeap();
        }

        if (Count < Capacity)
        {
            if (Count == _rows.Length)
            {
                int size = Math.Min(Capacity, Math.Max(16, _rows.Length * 2));
                Array.Resize(ref _rows, size);
                Array.Resize(ref _heap, size);
            }

            _rows[Count] = request;
            _heap[Count] = (request.Key, Count);
            SiftUp(Count);
            Count++;
            return;
        }

        int top = _heap[0].Slot;
        if (!request.KeptBefore(_rows[top]))
        {
            return;
        }

        _rows[top] = request;
        _heap[0] = (request.Key, top);
        SiftDown(0);
    }

    /// <summary>Offers every request of <paramref name="other"/> (the sample of another part of the input).</summary>
    public void OfferAll(RequestSample other)
    {
        if (other._inInputOrder)
        {
            other.RestoreHeap();
        }

        if (Count == 0)
        {
            // Empty: the other's heap is this one's (same capacity, same order), copied at its size.
            _rows = other._rows.AsSpan(0, other.Count).ToArray();
            _heap = other._heap.AsSpan(0, other.Count).ToArray();
            Count = other.Count;
            return;
        }

        for (int i = 0; i < other.Count; i++)
        {
            Offer(other._rows[i]);
        }
    }

    /// <summary>The kept requests in the order of the input (<see cref="SampledRequest.CompareInInputOrder"/>), so the
    /// distributions built from them never depend on how the input was split or in which order they were kept. Sorted in
    /// place (no copy of a sample of 100,000): the heap is rebuilt if a request is offered afterwards.</summary>
    public ReadOnlySpan<SampledRequest> InInputOrder()
    {
        if (!_inInputOrder)
        {
            // Sorted by (instant, rank) packed in one Int128 (cheap to compare and to move); requests equal in both (an
            // input not in time order meets an instant in more than one run) are then ordered by their tokens.
            var places = new Int128[Count];
            for (int i = 0; i < Count; i++)
            {
                places[i] = ((Int128)_rows[i].Ticks << 64) | (Int128)(ulong)_rows[i].Rank;
            }

            Array.Sort(places, _rows, 0, Count);
            for (int from = 0, to; from < Count; from = to)
            {
                for (to = from + 1; to < Count && places[to] == places[from]; to++)
                {
                }

                if (to - from > 1)
                {
                    Array.Sort(_rows, from, to - from, Comparer<SampledRequest>.Create(SampledRequest.CompareInInputOrder));
                }
            }

            _inInputOrder = true;
        }

        return _rows.AsSpan(0, Count);
    }

    /// <summary>Makes the rows a heap again after <see cref="InInputOrder"/>.</summary>
    private void RestoreHeap()
    {
        _inInputOrder = false;
        for (int i = 0; i < Count; i++)
        {
            _heap[i] = (_rows[i].Key, i);
        }

        for (int i = (Count / 2) - 1; i >= 0; i--)
        {
            SiftDown(i);
        }
    }

    /// <summary>Whether heap entry <paramref name="a"/> must sit above <paramref name="b"/> (it is kept after it).</summary>
    private bool Above(int a, int b)
    {
        var x = _heap[a];
        var y = _heap[b];
        return x.Key != y.Key ? x.Key > y.Key : _rows[y.Slot].KeptBefore(_rows[x.Slot]);
    }

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (!Above(i, parent))
            {
                return;
            }

            (_heap[i], _heap[parent]) = (_heap[parent], _heap[i]);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        int count = Count;
        while (true)
        {
            int left = (2 * i) + 1;
            if (left >= count)
            {
                return;
            }

            int child = left + 1 < count && Above(left + 1, left) ? left + 1 : left;
            if (!Above(child, i))
            {
                return;
            }

            (_heap[i], _heap[child]) = (_heap[child], _heap[i]);
            i = child;
        }
    }
}
