using Planner.Core;
using Planner.Core.Regression;

namespace Planner.Cli.Commands;

/// <summary>Turns a trace path into a workload. Tests replace it to price rows held in memory.</summary>
public class WorkloadOpener
{
    /// <summary>The workload of a CSV trace file.</summary>
    /// <exception cref="PlannerException">The file does not exist.</exception>
    public virtual IWorkload Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new PlannerException(PlannerErrorKind.InvalidTrace, $"{path}: workload trace not found");
        }

        return new TraceWorkload(path);
    }
}
