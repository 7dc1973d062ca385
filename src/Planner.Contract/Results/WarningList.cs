using Planner.Core;
using Planner.Core.Catalog;
using Planner.Core.Traces;

namespace Planner.Contract.Results;

/// <summary>Builds a result's <see cref="WarningItem"/> list (a deprecated model, a price of uncertain date),
/// each condition once. Every service that prices a model uses it.</summary>
public sealed class WarningList
{
    private readonly List<PlannerWarning> _items = [];

    /// <summary>The warnings as Core gives them, each condition once.</summary>
    public IReadOnlyList<PlannerWarning> Warnings => _items;

    /// <summary>The warnings as result items.</summary>
    public IReadOnlyList<WarningItem> Items => WarningItem.From(_items);

    /// <summary>Adds the warnings of a request on <paramref name="model"/> at <paramref name="at"/>.</summary>
    public WarningList For(ResolvedModel model, DateTimeOffset at) => Add(ModelLifecycle.WarningsAt(model, DateOnly.FromDateTime(at.UtcDateTime)));

    /// <summary>Adds the warnings of a trace: each model's on the trace's first and last day (a deprecation
    /// once per model, however many rows use it).</summary>
    public WarningList ForTrace(ModelCatalog catalog, TraceCosts costs)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(costs);
        if (costs.First is not { } first || costs.Last is not { } last)
        {
            return this;
        }

        foreach (var model in costs.ByModel)
        {
            if (catalog.TryResolve(model.Model, out var resolved))
            {
                For(resolved, first);
                For(resolved, last);
                foreach (var window in resolved.PriceChangeWindows)
                {
                    // A trace that spans a window has rows inside it even when neither end is.
                    if (DateOnly.FromDateTime(first.UtcDateTime) < window.From && DateOnly.FromDateTime(last.UtcDateTime) >= window.ConfirmedFrom)
                    {
                        Add(ModelLifecycle.WarningsAt(resolved, window.From));
                    }
                }
            }
        }

        return this;
    }

    /// <summary>Adds warnings, dropping repeats.</summary>
    public WarningList Add(IEnumerable<PlannerWarning> warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        var all = ModelLifecycle.Distinct(_items.Concat(warnings));
        _items.Clear();
        _items.AddRange(all);
        return this;
    }
}
