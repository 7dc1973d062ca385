using System.Text.Json;
using Planner.Core;
using Planner.Core.Catalog;
using Planner.Core.Traces;

namespace Planner.Cli.Rendering;

/// <summary>The warnings of one command's result (a deprecated model, a price of uncertain date): one line
/// each on stderr, and the same list as <c>warnings</c> in JSON. Every command that prices a model uses it.</summary>
public sealed class Warnings
{
    private readonly List<PlannerWarning> _items = [];

    /// <summary>The warnings, each condition once.</summary>
    public IReadOnlyList<PlannerWarning> Items => _items;

    /// <summary>Adds the warnings of a request on <paramref name="model"/> at <paramref name="at"/>.</summary>
    public Warnings For(ResolvedModel model, DateTimeOffset at) => Add(ModelLifecycle.WarningsAt(model, DateOnly.FromDateTime(at.UtcDateTime)));

    /// <summary>Adds the warnings of a trace: each model's on the trace's first and last day (a deprecation
    /// once per model, however many rows use it).</summary>
    public Warnings ForTrace(ModelCatalog catalog, TraceCosts costs)
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
    public Warnings Add(IEnumerable<PlannerWarning> warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        var all = ModelLifecycle.Distinct(_items.Concat(warnings));
        _items.Clear();
        _items.AddRange(all);
        return this;
    }

    /// <summary>Writes each warning as one line on stderr: "planner: warning: ...".</summary>
    public void Print(CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var warning in _items)
        {
            environment.Error.WriteLine("planner: warning: " + warning.Message);
        }
    }

    /// <summary>Writes <c>"warnings": [{"key": ..., "message": ...}]</c> (an empty array when there are none).</summary>
    public void WriteJson(Utf8JsonWriter writer) => WriteJson(writer, _items);

    /// <summary>Writes <paramref name="warnings"/> as a <c>"warnings"</c> array of key and message, the one JSON form
    /// every command gives its warnings.</summary>
    public static void WriteJson(Utf8JsonWriter writer, IReadOnlyList<PlannerWarning> warnings)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(warnings);
        writer.WriteStartArray("warnings");
        foreach (var warning in warnings)
        {
            writer.WriteStartObject();
            writer.WriteString("key", warning.Key);
            writer.WriteString("message", warning.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
