using System.ComponentModel;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary>The call form of <c>capacity</c>: a call load (concurrent calls or calls a minute) with a call shape.</summary>
public abstract class CapacityCallSettings : ModelRequestOrCallSettings
{
    [CommandOption("--concurrent-calls <N>")]
    [Description("Calls in progress at once, with a call shape (--turns or --minutes, ...): every tier is checked (--tier all by default).")]
    public decimal? ConcurrentCalls { get; init; }

    [CommandOption("--calls-per-minute <N>")]
    [Description("Calls starting each minute, with a call shape: in progress at once = N x call minutes.")]
    public decimal? CallsPerMinute { get; init; }

    /// <summary>True when a call load was given.</summary>
    public bool IsCallLoad => ConcurrentCalls is not null || CallsPerMinute is not null;
}
