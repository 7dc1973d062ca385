using Planner.Core.Catalog;

namespace Planner.Core.Projection;

/// <summary>What a <see cref="WorkloadLearner"/> keeps of one model's requests: counts by hour of week and by 10-minute
/// slot, the exact sum of their TPM charges, and a sample of their tokens. Every part merges exactly (sums and the
/// bottom-k sample's union).</summary>
internal sealed class ModelObservations(ResolvedModel model, int sampleSize)
{
    private long _slot = long.MinValue;
    private long _inSlot;

    public ResolvedModel Model { get; } = model;

    /// <summary>Requests by (day of week x 24 + hour), UTC.</summary>
    public long[] Cells { get; } = new long[WorkloadLearner.HoursPerWeek];

    /// <summary>Requests by 10-minute slot (only slots with traffic, so memory grows with the span, not the rows);
    /// the current slot's count is held apart until the slot changes (<see cref="Flush"/>).</summary>
    public Dictionary<long, long> Slots { get; } = [];

    public RequestSample Sample { get; } = new(sampleSize);

    public long Count { get; set; }

    /// <summary>The exact sum of the TPM charges (each at most a few billion tokens).</summary>
    public Int128 TpmChargeSum { get; set; }

    /// <summary>Counts one request in 10-minute slot <paramref name="slot"/>.</summary>
    public void CountInSlot(long slot)
    {
        if (slot != _slot)
        {
            Flush();
            _slot = slot;
        }

        _inSlot++;
    }

    /// <summary>Moves the current slot's count into <see cref="Slots"/>.</summary>
    public void Flush()
    {
        if (_inSlot > 0)
        {
            Slots[_slot] = Slots.GetValueOrDefault(_slot) + _inSlot;
            _inSlot = 0;
        }
    }

    /// <summary>Adds the counts and sums of <paramref name="other"/> (the same model's in another part of the input); its
    /// sample is merged by the learner, which first places the requests of the part's opening run.</summary>
    public void AddCounts(ModelObservations other)
    {
        Flush();
        other.Flush();
        for (int c = 0; c < Cells.Length; c++)
        {
            Cells[c] += other.Cells[c];
        }

        foreach (var (slot, count) in other.Slots)
        {
            Slots[slot] = Slots.GetValueOrDefault(slot) + count;
        }

        Count += other.Count;
        TpmChargeSum += other.TpmChargeSum;
    }
}
