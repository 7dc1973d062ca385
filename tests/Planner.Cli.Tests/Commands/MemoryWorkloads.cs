using Planner.Cli.Commands;
using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Regression;
using Planner.Core.Traces;

namespace Planner.Cli.Tests.Commands;

/// <summary>Stands in for trace files until the trace reader exists: a path's file name picks rows held
/// in memory, priced by the pricing engine under whichever catalog the diff gives.</summary>
internal sealed class MemoryWorkloads : WorkloadOpener
{
    private readonly Dictionary<string, (string Model, DateTimeOffset At, Usage Usage)[]> _rows = new(StringComparer.Ordinal);

    public List<string> Opened { get; } = [];

    public MemoryWorkloads Add(string name, params (string Model, DateTimeOffset At, Usage Usage)[] rows)
    {
        _rows[name] = rows;
        return this;
    }

    public override IWorkload Open(string path)
    {
        Opened.Add(path);
        string name = Path.GetFileNameWithoutExtension(path);
        return new Workload(name, _rows.TryGetValue(name, out var rows) ? rows : []);
    }

    /// <summary>Runs the calculator with these workloads.</summary>
    public CliResult Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment(output, error, () => CliRunner.Now, CliRunner.DataDirectory);
        int exit = PlannerApp.Run(args, environment, r => r.RegisterInstance(typeof(WorkloadOpener), this));
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    private sealed class Workload(string name, (string Model, DateTimeOffset At, Usage Usage)[] rows) : IWorkload
    {
        public string Name => name;

        public IEnumerable<TraceRequest> Read(ModelCatalog catalog)
        {
            long line = 2;
            foreach (var (model, at, usage) in rows)
            {
                var resolved = catalog.Resolve(model);
                yield return new TraceRequest(line++, at, resolved, usage, null, PricingEngine.Price(resolved, usage, at).Cost);
            }
        }
    }
}
