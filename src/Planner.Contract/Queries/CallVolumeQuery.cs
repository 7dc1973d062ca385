using System.Globalization;
using Planner.Core.Calls;
using Planner.Core.Catalog;
using Planner.Core.Pricing;

namespace Planner.Contract.Queries;

/// <summary>Calls a day as the unit (with a call shape, or a log-normal distribution of call lengths) and the first day
/// of month 1: the query part <c>project</c> and <c>migrate</c> share, over <see cref="RequestOrCallQuery"/>.</summary>
public record CallVolumeQuery : RequestOrCallQuery
{
    /// <summary>Calls a day (the unit is a whole call: every turn a request), with a call shape or <see cref="MinutesMean"/>. Must be 0 to 10^9.</summary>
    public decimal? CallsPerDay { get; init; }

    /// <summary>Standard deviation of a day's calls. The default value is 0. Must be 0 to 10^9.</summary>
    public decimal CallsPerDaySd { get; init; }

    /// <summary>Calls' mean length in minutes: lengths are log-normal (with <see cref="MinutesSd"/>). Must be > 0 and at most 1,440.</summary>
    public decimal? MinutesMean { get; init; }

    /// <summary>Standard deviation of the calls' length in minutes. The default value is 0. Must be >= 0.</summary>
    public decimal MinutesSd { get; init; }

    /// <summary>The first day of month 1 (yyyy-MM-dd, 2000-01-01 to 2999-12-31); months are calendar months from it. The default value is today.</summary>
    public string? Start { get; init; }

    /// <summary>True when the unit is a call.</summary>
    public bool IsCallUnit => CallsPerDay is not null;

    /// <summary>The first day of month 1: <see cref="Start"/>, else <paramref name="now"/>'s day.</summary>
    public DateOnly StartDay(DateTimeOffset now) =>
        Start is not null && DateOnly.TryParseExact(Start, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : DateOnly.FromDateTime(now.UtcDateTime);

    /// <summary>The earliest <see cref="Start"/> accepted.</summary>
    public static readonly DateOnly EarliestStart = new(2000, 1, 1);

    /// <summary>The latest <see cref="Start"/> accepted: far enough from <see cref="DateOnly.MaxValue"/> that
    /// start + 600 months (the longest horizon) is still a date.</summary>
    public static readonly DateOnly LatestStart = new(2999, 12, 31);

    /// <summary>The error of a <see cref="Start"/> that is not a date, or is outside <see cref="EarliestStart"/> to
    /// <see cref="LatestStart"/>, or null.</summary>
    public FieldError? StartError()
    {
        if (Start is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(Start, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new FieldError("start", $"start must be a date such as 2027-01-01, got '{Start}'");
        }

        return day < EarliestStart || day > LatestStart
            ? new FieldError("start", $"start must be 2000-01-01 to 2999-12-31 (a horizon of up to 600 months must end on a real date), got '{Start}'")
            : null;
    }

    /// <summary>Every problem with the call-volume fields at once: which workload they make beside
    /// <paramref name="requestsPerDayGiven"/> and a trace, the counts, and the call lengths.</summary>
    public List<FieldError> CallVolumeErrors(bool requestsPerDayGiven, bool traceGiven, bool compareGiven)
    {
        var errors = new List<FieldError>();
        if (CallsPerDay is null)
        {
            if (MinutesMean is not null || MinutesSd != 0 || CallsPerDaySd != 0)
            {
                errors.Add(new("minutes_mean", "minutes_mean, minutes_sd and calls_per_day_sd apply only with calls_per_day"));
            }
            else if (IsCall && !traceGiven)
            {
                errors.Add(new("calls_per_day", "a call shape needs calls_per_day N"));
            }

            return errors;
        }

        if (requestsPerDayGiven || traceGiven)
        {
            errors.Add(new("calls_per_day", "give calls_per_day, requests_per_day or trace, one of them"));
        }

        if (compareGiven)
        {
            errors.Add(new("compare_models", "compare_models does not apply to calls (a call bills differently on each API); project each model, or use planner migrate"));
        }

        if (CallsPerDay is < 0m or > 1_000_000_000m)
        {
            errors.Add(new("calls_per_day", $"calls_per_day must be 0 to 1,000,000,000, got {D(CallsPerDay.Value)}"));
        }

        if (CallsPerDaySd is < 0m or > 1_000_000_000m)
        {
            errors.Add(new("calls_per_day_sd", $"calls_per_day_sd must be 0 to 1,000,000,000, got {D(CallsPerDaySd)}"));
        }

        if (MinutesMean is not null && (Turns is not null || Minutes is not null))
        {
            errors.Add(new("minutes_mean", "give minutes_mean, or turns or minutes, not both"));
        }

        if (MinutesMean is { } mean && mean is <= 0m or > 1_440m)
        {
            errors.Add(new("minutes_mean", $"minutes_mean must be > 0 and at most 1,440, got {D(mean)}"));
        }

        if (MinutesSd < 0m || (MinutesMean is null && MinutesSd != 0))
        {
            errors.Add(new("minutes_sd", MinutesSd < 0m ? $"minutes_sd must be >= 0, got {D(MinutesSd)}" : "minutes_sd applies only with minutes_mean"));
        }

        if (MinutesMean is not null && (UserAudioSeconds ?? 0) + (AssistantAudioSeconds ?? 0) <= 0)
        {
            errors.Add(new("minutes_mean", "minutes_mean needs user_audio_seconds or assistant_audio_seconds > 0 to derive turns from"));
        }

        if (!IsCall && MinutesMean is null)
        {
            errors.Add(new("calls_per_day", "calls_per_day needs a call shape, e.g. minutes 4 user_audio_seconds 10 assistant_audio_seconds 20"));
        }

        return errors;
    }

    /// <summary>The call usage on <paramref name="model"/>: a fixed call, or log-normal lengths (after the checks found nothing).</summary>
    public CallUsage ToCallUsage(ResolvedModel model, AudioTokenRates rates, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(model);
        var prices = PricingEngine.PricesAt(model, at);
        var options = ToCallOptions();
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        if (MinutesMean is { } mean)
        {
            var perTurn = ToCallShape();
            decimal turnSeconds = perTurn.UserAudio.Seconds + perTurn.AssistantAudio.Seconds;
            return CallUsage.LogNormalMinutes(mean, MinutesSd, TalkShare, turnSeconds,
                turns => CallPlanner.Plan(model, prices, perTurn with { Turns = turns }, options, rates, day));
        }

        return CallUsage.Fixed(CallPlanner.Plan(model, prices, ToCallShape(), options, rates, day));
    }

    private static string D(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
