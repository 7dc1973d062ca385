using System.Runtime.CompilerServices;

namespace Planner.Core.Simulation;

/// <summary>The completion instants of the requests in flight, for counting concurrency exactly, as
/// <see cref="CompletionHeap"/> does, with cheaper removals: a calendar of buckets of 2^20 ticks (about 0.1 s) over the
/// next 4,096 buckets (about 7 minutes), each a list of the completions that fall in it, and a heap for those further
/// out. Admissions must come in time order (each <c>now</c> at or after the previous one). Mutable, owned by one simulator.</summary>
/// <remarks>A heap pays a sift-down through all its levels (ten with a thousand in flight, at a mispredicted branch
/// most levels) for every completion it removes, and it removes one an admission. Here a completion is pushed on its
/// bucket's list (two writes), and once time passes a bucket all of it is done at once: a bucket before the one holding
/// <c>now</c> is dropped whole, and the bucket holding <c>now</c> is sorted once (a few completions) and consumed from
/// the front as <c>now</c> moves through it. The count is exactly the heap's.</remarks>
internal sealed class CompletionCalendar
{
    private const int Shift = 20;
    private const int Buckets = 1 << 12;
    private const int Mask = Buckets - 1;

    // The buckets after the current one: each a list through the node pool (head -1: empty).
    private readonly int[] _heads = new int[Buckets];
    private long[] _values = new long[256];
    private int[] _next = new int[256];
    private int _free = -1;
    private int _used;
    private int _inBuckets;

    // The current bucket (the one holding the latest now), sorted; its completions at or before now are consumed.
    private long _current = long.MinValue;
    private long[] _sorted = new long[64];
    private int _sortedStart;
    private int _sortedEnd;

    // Completions further out than the calendar reaches.
    private readonly CompletionHeap _far = new();

    public CompletionCalendar() => Array.Fill(_heads, -1);

    /// <summary>Requests in flight.</summary>
    public int Count => _inBuckets + (_sortedEnd - _sortedStart) + _far.Count;

    /// <summary>Removes every completion at or before <paramref name="now"/> (at or after the previous call's), then adds
    /// <paramref name="completes"/> (at or after <paramref name="now"/>; counted even when it is <paramref name="now"/>
    /// itself); returns the count in flight after.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Admit(long now, long completes)
    {
        long bucket = now >> Shift;
        if (bucket != _current)
        {
            MoveTo(bucket);
        }

        while (_sortedStart < _sortedEnd && _sorted[_sortedStart] <= now)
        {
            _sortedStart++;
        }

        if (_far.Count > 0)
        {
            _far.RemoveUpTo(now);
        }

        long ahead = (completes >> Shift) - bucket;
        if (ahead == 0)
        {
            AddCurrent(completes);
        }
        else if (ahead < Buckets)
        {
            Push((int)((completes >> Shift) & Mask), completes);
        }
        else
        {
            _far.Add(completes);
        }

        return Count;
    }

    private void Push(int slot, long value)
    {
        int node = _free;
        if (node >= 0)
        {
            _free = _next[node];
        }
        else
        {
            if (_used == _values.Length)
            {
                Array.Resize(ref _values, _values.Length * 2);
                Array.Resize(ref _next, _next.Length * 2);
            }

            node = _used++;
        }

        _values[node] = value;
        _next[node] = _heads[slot];
        _heads[slot] = node;
        _inBuckets++;
    }

    /// <summary>Time moved into a later bucket: what was left of the current one and every bucket before the new one is
    /// done; the new one's completions are sorted to be consumed.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void MoveTo(long bucket)
    {
        long from = _current;
        _current = bucket;
        _sortedStart = 0;
        _sortedEnd = 0;
        if (_inBuckets == 0)
        {
            return;
        }

        if (from == long.MinValue || bucket - from >= Buckets)
        {
            // Past every bucket the calendar holds (a gap in the trace longer than it reaches): all of them are done.
            for (int slot = 0; slot < Buckets; slot++)
            {
                Drop(slot);
            }

            return;
        }

        for (long passed = from + 1; passed < bucket && _inBuckets > 0; passed++)
        {
            Drop((int)(passed & Mask));
        }

        // The new current bucket: its list moves to the sorted array.
        int at = (int)(bucket & Mask);
        int count = 0;
        for (int node = _heads[at]; node >= 0;)
        {
            if (count == _sorted.Length)
            {
                Array.Resize(ref _sorted, _sorted.Length * 2);
            }

            _sorted[count++] = _values[node];
            int next = _next[node];
            _next[node] = _free;
            _free = node;
            node = next;
        }

        _heads[at] = -1;
        _inBuckets -= count;
        _sortedEnd = count;
        if (count > 1)
        {
            Array.Sort(_sorted, 0, count);
        }
    }

    /// <summary>Frees a bucket's list (all its completions are done).</summary>
    private void Drop(int slot)
    {
        int node = _heads[slot];
        if (node < 0)
        {
            return;
        }

        int count = 0;
        while (true)
        {
            count++;
            int next = _next[node];
            _next[node] = _free;
            _free = node;
            if (next < 0)
            {
                break;
            }

            node = next;
        }

        _heads[slot] = -1;
        _inBuckets -= count;
    }

    /// <summary>A completion in the current bucket (a request shorter than a bucket): into the sorted array, in order.</summary>
    private void AddCurrent(long value)
    {
        // Everything before _sortedStart is done; the value is at or after now, so after those.
        if (_sortedStart > 0 && (_sortedStart == _sortedEnd || value <= _sorted[_sortedStart]))
        {
            _sorted[--_sortedStart] = value;
            return;
        }

        if (_sortedEnd == _sorted.Length)
        {
            Array.Resize(ref _sorted, _sorted.Length * 2);
        }

        int i = _sortedEnd++;
        while (i > _sortedStart && _sorted[i - 1] > value)
        {
            _sorted[i] = _sorted[i - 1];
            i--;
        }

        _sorted[i] = value;
    }
}
