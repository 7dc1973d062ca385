using Planner.Core.Traces;
using Spectre.Console;

namespace Planner.Cli.Rendering;

/// <summary>Shows a progress bar on stderr while a trace is read, only when stderr is a terminal (never in CI or pipes).</summary>
public static class TraceProgress
{
    /// <summary>Runs <paramref name="work"/>, giving it a progress callback (null when there is no terminal).</summary>
    public static T Run<T>(CliEnvironment environment, IUsageSource reader, Func<Action<IUsageSource>?, T> work)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(work);
        if (!environment.ErrorIsTerminal)
        {
            return work(null);
        }

        T result = default!;
        environment.ErrorConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask($"Reading {Path.GetFileName(reader.Path)}", maxValue: Math.Max(1, reader.FileLength));
                result = work(r => task.Value = r.BytePosition);
                task.Value = task.MaxValue;
            });
        return result;
    }
}
