using Planner.Core.Traces;

namespace Planner.Core.Simulation;

/// <summary>Counts a simulator's unlisted limit rejections (those after the first
/// <see cref="TraceRejections.ListedAtMost"/>) in runs of one reason and hands each run over in one
/// <see cref="TraceRejections.AddCount"/>: a tier that supports no model of the trace rejects every row, and two
/// dictionary updates a row were most of its work. A run is handed over when the reason changes and at the end,
/// so the reasons keep the order they first appeared in, and the counts are the same as adding row by row.</summary>
internal sealed class LimitRejectionCounter
{
    private string? _kind;
    private long _count;

    /// <summary>Counts one rejection of <paramref name="kind"/>, handing the run before it to <paramref name="into"/>
    /// when it was of another reason.</summary>
    public void Add(string kind, TraceRejections into)
    {
        if (!string.Equals(kind, _kind, StringComparison.Ordinal))
        {
            Flush(into);
            _kind = kind;
        }

        _count++;
    }

    /// <summary>Hands the current run over to <paramref name="into"/>.</summary>
    public void Flush(TraceRejections into)
    {
        if (_count > 0)
        {
            into.AddCount(_kind!, _count);
            _count = 0;
        }
    }
}
