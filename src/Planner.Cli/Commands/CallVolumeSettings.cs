using System.ComponentModel;
using Planner.Cli.Infrastructure;
using Planner.Contract.Queries;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Planner.Cli.Commands;

/// <summary>Calls a day as the unit (with a call shape, or a log-normal distribution of call lengths) and the first day
/// of month 1: the options <c>project</c> and <c>migrate</c> share.</summary>
public abstract class CallVolumeSettings : RequestOrCallSettings
{
    [CommandOption("--calls-per-day <N>")]
    [Description("Calls a day (the unit is a whole call: every turn a request), with a call shape (--turns or --minutes, per-turn audio) or --minutes-mean.")]
    public decimal? CallsPerDay { get; init; }

    [CommandOption("--calls-per-day-sd <SD>")]
    [Description("Standard deviation of a day's calls. The default value is 0. Must be >= 0.")]
    public decimal CallsPerDaySd { get; init; }

    [CommandOption("--minutes-mean <M>")]
    [Description("Calls' mean length in minutes: lengths are log-normal (with --minutes-sd), turns derived as for --minutes.")]
    public decimal? MinutesMean { get; init; }

    [CommandOption("--minutes-sd <SD>")]
    [Description("Standard deviation of the calls' length in minutes. The default value is 0 (every call --minutes-mean long).")]
    public decimal MinutesSd { get; init; }

    [CommandOption("--start <DATE>")]
    [Description("The first day of month 1 (YYYY-MM-DD, 2000-01-01 to 2999-12-31); months are calendar months from it. The default value is today.")]
    public string? Start { get; init; }

    /// <summary>True when the unit is a call.</summary>
    public bool IsCallUnit => CallsPerDay is not null;

    protected override bool CallLengthRequired => MinutesMean is null;

    /// <summary>The first day of month 1: --start, else the clock's day.</summary>
    public DateOnly StartDay(Func<DateTimeOffset> clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return WithVolume(new CallVolumeQuery()).StartDay(clock());
    }

    /// <summary><paramref name="query"/> with this command line's request shape, call shape, call volume and start.</summary>
    protected T WithVolume<T>(T query)
        where T : CallVolumeQuery
    {
        ArgumentNullException.ThrowIfNull(query);
        CallVolumeQuery volume = CallShapeInput.WithCall(this, WithShape(query));
        return (T)(volume with { CallsPerDay = CallsPerDay, CallsPerDaySd = CallsPerDaySd, MinutesMean = MinutesMean, MinutesSd = MinutesSd, Start = Start });
    }

    /// <summary>Every problem with the call-volume and lifecycle options at once (success when none); the checks are
    /// <see cref="CallVolumeQuery.CallVolumeErrors"/>'s.</summary>
    protected ValidationResult ValidateCallsAndStart(bool requestsPerDayGiven, bool traceGiven, bool compareGiven)
    {
        var query = WithVolume(new CallVolumeQuery());
        var problems = new List<string>();
        if (query.StartError() is { } start)
        {
            problems.Add(FieldFlags.Message(start));
        }

        problems.AddRange(MoreProblems());
        problems.AddRange(query.CallVolumeErrors(requestsPerDayGiven, traceGiven, compareGiven).Select(FieldFlags.Message));
        return problems.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join("; ", problems));
    }

    /// <summary>Problems with a subclass's own options. The default value is none.</summary>
    protected virtual IEnumerable<string> MoreProblems() => [];
}
