using System.ComponentModel;
using System.Globalization;
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
    [Description("The first day of month 1 (YYYY-MM-DD); months are calendar months from it. The default value is today.")]
    public string? Start { get; init; }

    /// <summary>True when the unit is a call.</summary>
    public bool IsCallUnit => CallsPerDay is not null;

    protected override bool CallLengthRequired => MinutesMean is null;

    /// <summary>The first day of month 1: --start, else the clock's day.</summary>
    public DateOnly StartDay(Func<DateTimeOffset> clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Start is not null && DateOnly.TryParseExact(Start, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : DateOnly.FromDateTime(clock().UtcDateTime);
    }

    /// <summary>Every problem with the call-volume and lifecycle options at once (success when none).</summary>
    protected ValidationResult ValidateCallsAndStart(bool requestsPerDayGiven, bool traceGiven, bool compareGiven)
    {
        var problems = new List<string>();
        if (Start is not null && !DateOnly.TryParseExact(Start, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            problems.Add($"--start must be a date such as 2027-01-01, got '{Start}'");
        }

        problems.AddRange(MoreProblems());
        if (CallsPerDay is null)
        {
            if (MinutesMean is not null || MinutesSd != 0 || CallsPerDaySd != 0)
            {
                problems.Add("--minutes-mean, --minutes-sd and --calls-per-day-sd apply only with --calls-per-day");
            }
            else if (IsCall && !traceGiven)
            {
                problems.Add("a call shape needs --calls-per-day N");
            }

            return Result(problems);
        }

        if (requestsPerDayGiven || traceGiven)
        {
            problems.Add("give --calls-per-day, --requests-per-day or --trace, one of them");
        }

        if (compareGiven)
        {
            problems.Add("--compare-models does not apply to calls (a call bills differently on each API); project each model, or use planner migrate");
        }

        if (CallsPerDay is < 0m or > 1_000_000_000m)
        {
            problems.Add($"--calls-per-day must be 0 to 1,000,000,000, got {D(CallsPerDay.Value)}");
        }

        if (CallsPerDaySd is < 0m or > 1_000_000_000m)
        {
            problems.Add($"--calls-per-day-sd must be 0 to 1,000,000,000, got {D(CallsPerDaySd)}");
        }

        if (MinutesMean is not null && (Turns is not null || Minutes is not null))
        {
            problems.Add("give --minutes-mean or --turns/--minutes, not both");
        }

        if (MinutesMean is { } mean && mean is <= 0m or > 1_440m)
        {
            problems.Add($"--minutes-mean must be > 0 and at most 1,440, got {D(mean)}");
        }

        if (MinutesSd < 0m || (MinutesMean is null && MinutesSd != 0))
        {
            problems.Add(MinutesSd < 0m ? $"--minutes-sd must be >= 0, got {D(MinutesSd)}" : "--minutes-sd applies only with --minutes-mean");
        }

        if (MinutesMean is not null && (UserAudioSeconds ?? 0) + (AssistantAudioSeconds ?? 0) <= 0)
        {
            problems.Add("--minutes-mean needs --user-audio-seconds or --assistant-audio-seconds > 0 to derive turns from");
        }

        if (!IsCall && MinutesMean is null)
        {
            problems.Add("--calls-per-day needs a call shape, e.g. --minutes 4 --user-audio-seconds 10 --assistant-audio-seconds 20");
        }

        return Result(problems);
    }

    /// <summary>Problems with a subclass's own options. The default value is none.</summary>
    protected virtual IEnumerable<string> MoreProblems() => [];

    private static ValidationResult Result(List<string> problems) =>
        problems.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join("; ", problems));

    private static string D(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
