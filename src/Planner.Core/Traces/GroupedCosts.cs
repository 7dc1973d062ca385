using Planner.Core.Pricing;

namespace Planner.Core.Traces;

/// <summary>Exact costs per group (project, API key, user or model) of a usage source: every request goes to exactly
/// one group, so the groups add up to the total to the last picodollar. Requests without the field go to a null group.</summary>
public sealed class GroupedCosts : ITraceSink
{
    private readonly IUsageSource _source;
    private readonly ITraceSink _inner;
    private readonly Dictionary<string, CostTotals> _groups = new(StringComparer.Ordinal);
    private readonly CostTotals _none = new();
    private string? _lastKey;
    private CostTotals? _lastTotals;

    /// <summary>Groups what <paramref name="source"/> returns by <paramref name="by"/>, passing every request on to <paramref name="inner"/>.</summary>
    public GroupedCosts(IUsageSource source, UsageGroupBy by, ITraceSink inner)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(inner);
        _source = source;
        _inner = inner;
        By = by;
    }

    /// <summary>What the groups are.</summary>
    public UsageGroupBy By { get; }

    /// <summary>Each group with its totals, by key (ordinal); the requests without the field last, under null.</summary>
    public IReadOnlyList<(string? Group, CostTotals Totals)> Groups =>
        _groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => ((string?)g.Key, g.Value))
            .Concat(_none.Requests > 0 ? [((string?)null, _none)] : [])
            .ToList();

    /// <summary>Adds the groups of <paramref name="other"/> (another part of the same input, read by its own source);
    /// the requests themselves were passed to that one's inner sink, not to this one's.</summary>
    public void AddGroups(GroupedCosts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _lastKey = null;
        _lastTotals = null;
        foreach (var (key, totals) in other._groups)
        {
            if (!_groups.TryGetValue(key, out var mine))
            {
                mine = new CostTotals();
                _groups.Add(key, mine);
            }

            mine.Add(totals);
        }

        _none.Add(other._none);
    }

    public void Add(in TraceRequest request)
    {
        _inner.Add(request);
        string? key = _source.GroupOf(By);
        CostTotals totals;
        if (key is null)
        {
            totals = _none;
        }
        else if (ReferenceEquals(key, _lastKey) || key == _lastKey)
        {
            totals = _lastTotals!;
        }
        else
        {
            if (!_groups.TryGetValue(key, out totals!))
            {
                totals = new CostTotals();
                _groups.Add(key, totals);
            }

            _lastKey = key;
            _lastTotals = totals;
        }

        totals.Add(request.Usage, request.Cost);
    }
}
