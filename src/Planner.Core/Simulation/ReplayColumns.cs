using Planner.Core.Catalog;
using Planner.Core.Traces;

namespace Planner.Core.Simulation;

/// <summary>What every tier of a recommendation reads of a chunk's rows, worked out once for all of them: each row's
/// instant, model (an index into <see cref="Models"/>), TPM charge and latency, in plain arrays. A tier's replay reads
/// these (about 30 bytes a row) instead of the 176-byte rows, which it touches only on the rare paths (a rejection, an
/// outcome callback, the completed cost after a first rejection). Mutable, reused from chunk to chunk, owned by one thread.</summary>
internal sealed class ReplayColumns
{
    private readonly List<ModelSpec> _models = [];
    private ModelSpec? _lastModel;
    private int _lastIndex;

    /// <summary>Each row's instant (UTC ticks).</summary>
    public long[] Ticks { get; private set; } = [];

    /// <summary>Each row's model, as its index in <see cref="Models"/>.</summary>
    public int[] ModelIndexes { get; private set; } = [];

    /// <summary>Each row's TPM charge (<see cref="TraceSimulator.Charge"/>).</summary>
    public long[] Charges { get; private set; } = [];

    /// <summary>Each row's latency in ticks under the replay's latency model.</summary>
    public long[] Durations { get; private set; } = [];

    /// <summary>The models met so far, in order of first appearance (an index never changes).</summary>
    public IReadOnlyList<ModelSpec> Models => _models;

    /// <summary>Works out the columns of the first <paramref name="count"/> of <paramref name="rows"/>, moving each
    /// row's line by <paramref name="linesBefore"/> first (when not 0); <paramref name="latency"/> gives the latencies.</summary>
    public void Fill(TraceRequest[] rows, int count, long linesBefore, TraceSimulator latency)
    {
        if (Ticks.Length < count)
        {
            Ticks = new long[rows.Length];
            ModelIndexes = new int[rows.Length];
            Charges = new long[rows.Length];
            Durations = new long[rows.Length];
        }

        var ticks = Ticks;
        var models = ModelIndexes;
        var charges = Charges;
        var durations = Durations;
        if (linesBefore != 0)
        {
            // With several sinks the feed has moved the lines already (0 here), and the rows are read by every sink at
            // once: a store to them, even of the same value, would make the cores take their cache lines from each other.
            for (int i = 0; i < count; i++)
            {
                TraceChunkFeed.MoveLine(ref rows[i], linesBefore);
            }
        }

        for (int i = 0; i < count; i++)
        {
            ref readonly var row = ref rows[i];
            ticks[i] = row.Timestamp.UtcTicks;
            models[i] = IndexOf(row.Model.Model);
            charges[i] = TraceSimulator.Charge(row);
            durations[i] = latency.Duration(row);
        }
    }

    private int IndexOf(ModelSpec model)
    {
        if (ReferenceEquals(model, _lastModel))
        {
            return _lastIndex;
        }

        int index = -1;
        for (int i = 0; i < _models.Count; i++)
        {
            if (ReferenceEquals(_models[i], model))
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            index = _models.Count;
            _models.Add(model);
        }

        _lastModel = model;
        _lastIndex = index;
        return index;
    }
}
