namespace Planner.Core.Traces;

/// <summary>The rows a read rejected (with <see cref="TraceOptions.SkipInvalid"/>): counted by reason, the first 20 listed.</summary>
public sealed class TraceRejections
{
    /// <summary>How many rows are listed in <see cref="First"/> at most.</summary>
    public const int ListedAtMost = 20;

    private readonly Dictionary<string, long> _byReason = new(StringComparer.Ordinal);
    private readonly List<TraceRejection> _first = [];

    /// <summary>Rows rejected in all.</summary>
    public long Count { get; private set; }

    /// <summary>Rejected rows by reason kind (e.g. "negative_count", "unknown_model").</summary>
    public IReadOnlyDictionary<string, long> ByReason => _byReason;

    /// <summary>The first rejected rows with their line numbers.</summary>
    public IReadOnlyList<TraceRejection> First => _first;

    /// <summary>Records <paramref name="count"/> rejected rows of one reason whose lines are not known (an SQL engine's count).</summary>
    public void AddCount(string kind, long count)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count = checked(Count + count);
        _byReason[kind] = checked(_byReason.GetValueOrDefault(kind) + count);
    }

    /// <summary>Records every rejection of <paramref name="other"/> after those already here (a later chunk of the same
    /// file), its listed rows moved by <paramref name="move"/> (to their lines in the file).</summary>
    internal void AddAll(TraceRejections other, Func<TraceRejection, TraceRejection> move)
    {
        Count = checked(Count + other.Count);
        foreach (var (kind, count) in other._byReason)
        {
            _byReason[kind] = checked(_byReason.GetValueOrDefault(kind) + count);
        }

        foreach (var rejection in other._first)
        {
            if (_first.Count == ListedAtMost)
            {
                break;
            }

            _first.Add(move(rejection));
        }
    }

    /// <summary>Records one rejected row.</summary>
    public void Add(TraceRejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        Count++;
        _byReason[rejection.Kind] = _byReason.GetValueOrDefault(rejection.Kind) + 1;
        if (_first.Count < ListedAtMost)
        {
            _first.Add(rejection);
        }
    }
}
