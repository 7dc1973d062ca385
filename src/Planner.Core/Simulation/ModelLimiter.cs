using Planner.Core.Catalog;

namespace Planner.Core.Simulation;

/// <summary>One model's limiter state in a simulation: its two buckets, its queue's next free instant,
/// in-flight completions and per-minute counters. Mutable, owned by one simulator.</summary>
internal sealed class ModelLimiter
{
    private readonly CompletionHeap _inFlight = new();
    private long _minute = long.MinValue;
    private long _minuteRequests;
    private long _minuteTokens;
    private long _attemptMinute = long.MinValue;
    private long _minuteAttempts;

    // Admissions of the last 60 s (time, charge), for the busiest rolling minute; holds at most a minute's
    // admissions, which the RPM limit bounds.
    private readonly Queue<(long At, long Charge)> _window = new();
    private long _windowTokens;

    public ModelLimiter(ModelSpec model, UsageTier? tier, string tierName, TimeSpan burstWindow, long startTicks)
    {
        Model = model;
        Tier = tier;
        if (tier is null)
        {
            Unsupported = $"{model.Id} has no tier '{tierName}' in the catalog";
        }
        else if (!tier.Supported || tier.Rpm is not { } rpm || tier.Tpm is not { } tpm)
        {
            Unsupported = $"{model.Id} is not supported at the {tier.DisplayName} tier";
        }
        else if (!TokenBucket.Fits(rpm.Value, burstWindow) || !TokenBucket.Fits(tpm.Value, burstWindow))
        {
            Unsupported = $"{model.Id}'s limits at the {tier.DisplayName} tier ({rpm.Value:N0} RPM, {tpm.Value:N0} TPM) are too large to simulate with a {burstWindow.TotalSeconds} s burst window: at most {TokenBucket.MaxLimit(burstWindow):N0} a minute";
        }
        else
        {
            Rpm = new TokenBucket(rpm.Value, burstWindow, startTicks);
            Tpm = new TokenBucket(tpm.Value, burstWindow, startTicks);
        }
    }

    public ModelSpec Model { get; }
    public UsageTier? Tier { get; }

    /// <summary>Why no request of this model can run at the tier, or null.</summary>
    public string? Unsupported { get; }

    public TokenBucket Rpm { get; } = null!;
    public TokenBucket Tpm { get; } = null!;

    /// <summary>Under queue: the earliest instant the next request may be admitted (first come, first served).</summary>
    public long NextFree { get; set; } = long.MinValue;

    public long Admitted { get; private set; }
    public long TokensCharged { get; private set; }
    public long ReservedUnused { get; set; }
    public long FirstAdmit { get; private set; }
    public long LastAdmit { get; private set; }
    public long PeakMinuteRequests { get; private set; }
    public long PeakMinuteTokens { get; private set; }
    public long PeakConcurrency { get; private set; }

    /// <summary>Attempts the limiter saw: admissions plus throttled attempts (each charged 1 against RPM).</summary>
    public long Attempts { get; private set; }
    public long FirstAttempt { get; private set; }
    public long LastAttempt { get; private set; }
    public long PeakMinuteAttempts { get; private set; }
    public long PeakRollingRequests { get; private set; }
    public long PeakRollingTokens { get; private set; }

    /// <summary>Records an attempt at <paramref name="now"/> (admitted or throttled; attempts come in time order).</summary>
    public void Attempt(long now)
    {
        if (Attempts == 0)
        {
            FirstAttempt = now;
        }

        Attempts++;
        LastAttempt = now;
        long minute = now / TimeSpan.TicksPerMinute;
        if (minute != _attemptMinute)
        {
            _attemptMinute = minute;
            _minuteAttempts = 0;
        }

        _minuteAttempts++;
        PeakMinuteAttempts = Math.Max(PeakMinuteAttempts, _minuteAttempts);
    }

    /// <summary>Records an admission at <paramref name="now"/> (never earlier than the previous one of this model)
    /// that completes at <paramref name="completes"/>.</summary>
    public void Admit(long now, long charge, long completes)
    {
        if (Admitted == 0)
        {
            FirstAdmit = now;
        }

        Admitted++;
        LastAdmit = now;
        TokensCharged = checked(TokensCharged + charge);
        long minute = now / TimeSpan.TicksPerMinute;
        if (minute != _minute)
        {
            _minute = minute;
            _minuteRequests = 0;
            _minuteTokens = 0;
        }

        _minuteRequests++;
        _minuteTokens += charge;
        PeakMinuteRequests = Math.Max(PeakMinuteRequests, _minuteRequests);
        PeakMinuteTokens = Math.Max(PeakMinuteTokens, _minuteTokens);

        // The busiest rolling 60 s, exactly: admissions in (now - 60 s, now].
        _window.Enqueue((now, charge));
        _windowTokens += charge;
        while (_window.Peek().At <= now - TimeSpan.TicksPerMinute)
        {
            _windowTokens -= _window.Dequeue().Charge;
        }

        PeakRollingRequests = Math.Max(PeakRollingRequests, _window.Count);
        PeakRollingTokens = Math.Max(PeakRollingTokens, _windowTokens);

        PeakConcurrency = Math.Max(PeakConcurrency, _inFlight.Admit(now, completes));
    }

    public ModelThroughput Throughput()
    {
        decimal minutes = Math.Max(1m, (LastAdmit - FirstAdmit) / (decimal)TimeSpan.TicksPerMinute);
        decimal attemptMinutes = Math.Max(1m, (LastAttempt - FirstAttempt) / (decimal)TimeSpan.TicksPerMinute);
        return new ModelThroughput
        {
            Model = Model.Id,
            Tier = Tier!,
            Admitted = Admitted,
            MeanRpm = Admitted == 0 ? 0 : Admitted / minutes,
            PeakMinuteRequests = PeakMinuteRequests,
            MeanTpm = Admitted == 0 ? 0 : TokensCharged / minutes,
            PeakMinuteTokens = PeakMinuteTokens,
            PeakConcurrency = PeakConcurrency,
            Attempts = Attempts,
            MeanAttemptRpm = Attempts == 0 ? 0 : Attempts / attemptMinutes,
            PeakMinuteAttempts = PeakMinuteAttempts,
            PeakRollingRequests = PeakRollingRequests,
            PeakRollingTokens = PeakRollingTokens,
            ReservedUnusedTokens = ReservedUnused,
            TokensCharged = TokensCharged,
        };
    }
}
