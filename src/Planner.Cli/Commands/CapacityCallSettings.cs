using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
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

    /// <summary>The call-load checks (every problem at once), or success for the request form.</summary>
    protected ValidationResult ValidateCallLoad()
    {
        if (!IsCallLoad && !IsCall)
        {
            return ValidationResult.Success();
        }

        var problems = new List<string>();
        if (ConcurrentCalls is not null && CallsPerMinute is not null)
        {
            problems.Add("give --concurrent-calls or --calls-per-minute, not both");
        }
        else if (!IsCallLoad)
        {
            problems.Add("a call shape needs a load: --concurrent-calls N or --calls-per-minute N");
        }

        foreach (var (name, value) in new[] { ("--concurrent-calls", ConcurrentCalls), ("--calls-per-minute", CallsPerMinute) })
        {
            if (value is { } v && v is < 0m or > 1_000_000_000m)
            {
                problems.Add($"{name} must be 0 to 1,000,000,000, got {v.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        if (IsCallLoad && !IsCall)
        {
            problems.Add("--concurrent-calls and --calls-per-minute need a call shape, e.g. --minutes 4 --user-audio-seconds 10 --assistant-audio-seconds 20");
        }

        return problems.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join("; ", problems));
    }
}
