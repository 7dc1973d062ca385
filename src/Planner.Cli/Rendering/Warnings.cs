using Planner.Contract;
using Planner.Contract.Results;
using Planner.Core;
using Planner.Core.Catalog;
using Planner.Core.Traces;

namespace Planner.Cli.Rendering;

/// <summary>The warnings of one command's result (a deprecated model, a price of uncertain date): one line
/// each on stderr, and the same list as <c>warnings</c> in JSON. Every command that prices a model uses it.</summary>
public sealed class Warnings
{
    private readonly WarningList _list = new();

    /// <summary>The warnings, each condition once.</summary>
    public IReadOnlyList<PlannerWarning> Items => _list.Warnings;

    /// <summary>Adds the warnings of a request on <paramref name="model"/> at <paramref name="at"/>.</summary>
    public Warnings For(ResolvedModel model, DateTimeOffset at)
    {
        _list.For(model, at);
        return this;
    }

    /// <summary>Adds the warnings of a trace: each model's on the trace's first and last day.</summary>
    public Warnings ForTrace(ModelCatalog catalog, TraceCosts costs)
    {
        _list.ForTrace(catalog, costs);
        return this;
    }

    /// <summary>Adds warnings, dropping repeats.</summary>
    public Warnings Add(IEnumerable<PlannerWarning> warnings)
    {
        _list.Add(warnings);
        return this;
    }

    /// <summary>Writes each warning as one line on stderr: "planner: warning: ...".</summary>
    public void Print(CliEnvironment environment) => Print(environment, WarningItem.From(Items));

    /// <summary>Writes each of a result's warnings as one line on stderr: "planner: warning: ...".</summary>
    public static void Print(CliEnvironment environment, IReadOnlyList<WarningItem> warnings)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(warnings);
        foreach (var warning in warnings)
        {
            environment.Error.WriteLine("planner: warning: " + warning.Message);
        }
    }

}
