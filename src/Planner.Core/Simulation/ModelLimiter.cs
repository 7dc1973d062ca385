using System.Runtime.CompilerServices;
using Planner.Core.Catalog;

namespace Planner.Core.Simulation;

/// <summary>One model's limiter state in a simulation: its two buckets, its queue's next free instant,
/// in-flight completions and per-minute counters. Mutable, owned by one simulator.</summary>
internal sealed class ModelLimiter
{
    private readonly InFlightPeak _inFlight = new();
    private readonly bool _countsAttempts;
    // False for the tier recommender's replays, which read none of the throughput figures (Throughput()): only the peak
    // concurrency is kept, and only under queue (countsAttempts false), where the total is the sum of the models' peaks.
    private readonly bool _tracksThroughput;

    // The calendar minute being counted, by its first tick: a compare a row, not a division (long.MinValue: none yet).
    private long _minuteStart = long.MinValue;
    private long _minuteRequests;
    private long _minuteTokens;
    private long _attemptMinuteStart = long.MinValue;
    private long _minuteAttempts;

    // Admissions of the last 60 s (time, charge), for the busiest rolling minute: a ring of plain longs; holds at
    // most a minute's admissions (the RPM limit bounds them), grown by doubling when a burst needs it.
    private long[] _windowAt = new long[64];
    private long[] _windowCharge = new long[64];
    private int _windowHead;
    private int _windowCount;
    private long _windowTokens;

    /// <summary>Creates the state of <paramref name="model"/> at <paramref name="tier"/> (null: the model has no such tier),
    /// its buckets full at <paramref name="startTicks"/>. With <paramref name="countsAttempts"/> false (under queue, where
    /// every attempt is an admission) the attempt figures are the admission figures, not counted twice.</summary>
    public ModelLimiter(ModelSpec model, UsageTier? tier, string tierName, TimeSpan burstWindow, long startTicks, bool countsAttempts = true, bool tracksThroughput = true)
    {
        Model = model;
        Tier = tier;
        _countsAttempts = countsAttempts;
        _tracksThroughput = tracksThroughput;
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
    public long PeakConcurrency => _inFlight.Peak;

    /// <summary>Attempts the limiter saw: admissions plus throttled attempts (each charged 1 against RPM).</summary>
    public long Attempts { get; private set; }
    public long FirstAttempt { get; private set; }
    public long LastAttempt { get; private set; }
    public long PeakMinuteAttempts { get; private set; }
    public long PeakRollingRequests { get; private set; }
    public long PeakRollingTokens { get; private set; }

    /// <summary>Records an attempt at <paramref name="now"/> (admitted or throttled; attempts come in time order).
    /// Not needed under queue (see the constructor), where <see cref="Admit"/> stands for the attempt.</summary>
    public void Attempt(long now)
    {
        if (!_tracksThroughput)
        {
            return;
        }

        if (Attempts == 0)
        {
            FirstAttempt = now;
        }

        Attempts++;
        LastAttempt = now;
        if (OutsideMinute(now, _attemptMinuteStart))
        {
            _attemptMinuteStart = MinuteStart(now);
            _minuteAttempts = 0;
        }

        _minuteAttempts++;
        PeakMinuteAttempts = Math.Max(PeakMinuteAttempts, _minuteAttempts);
    }

    /// <summary>Records an admission at <paramref name="now"/> (never earlier than the previous one of this model)
    /// that completes at <paramref name="completes"/>.</summary>
    public void Admit(long now, long charge, long completes)
    {
        if (!_tracksThroughput)
        {
            if (!_countsAttempts)
            {
                _inFlight.Admit(now, completes);
            }

            return;
        }

        if (Admitted == 0)
        {
            FirstAdmit = now;
        }

        Admitted++;
        LastAdmit = now;
        TokensCharged = checked(TokensCharged + charge);
        // Admissions of one model come in time order, so a later minute starts exactly when now passes the end.
        if (OutsideMinute(now, _minuteStart))
        {
            _minuteStart = MinuteStart(now);
            _minuteRequests = 0;
            _minuteTokens = 0;
        }

        _minuteRequests++;
        _minuteTokens += charge;
        PeakMinuteRequests = Math.Max(PeakMinuteRequests, _minuteRequests);
        PeakMinuteTokens = Math.Max(PeakMinuteTokens, _minuteTokens);

        // The busiest rolling 60 s, exactly: admissions in (now - 60 s, now].
        if (_windowCount == _windowAt.Length)
        {
            GrowWindow();
        }

        int mask = _windowAt.Length - 1;
        int tail = (_windowHead + _windowCount) & mask;
        _windowAt[tail] = now;
        _windowCharge[tail] = charge;
        _windowCount++;
        _windowTokens += charge;
        long expired = now - TimeSpan.TicksPerMinute;
        while (_windowAt[_windowHead] <= expired)
        {
            _windowTokens -= _windowCharge[_windowHead];
            _windowHead = (_windowHead + 1) & mask;
            _windowCount--;
        }

        PeakRollingRequests = Math.Max(PeakRollingRequests, _windowCount);
        PeakRollingTokens = Math.Max(PeakRollingTokens, _windowTokens);

        _inFlight.Admit(now, completes);
    }

    /// <summary>The first tick of the calendar minute holding <paramref name="now"/> (ticks are >= 0).</summary>
    private static long MinuteStart(long now) => now - (now % TimeSpan.TicksPerMinute);

    /// <summary>True when <paramref name="now"/> (never before <paramref name="start"/>, the instants come in time order)
    /// is past the minute that starts at <paramref name="start"/>; always true for long.MinValue. Unchecked: the
    /// difference is taken modulo 2^64, which is exact for every instant from long.MinValue on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool OutsideMinute(long now, long start) => unchecked((ulong)(now - start)) >= TimeSpan.TicksPerMinute;

    /// <summary>Doubles the window's ring, keeping its admissions in order (the length stays a power of two).</summary>
    private void GrowWindow()
    {
        int length = _windowAt.Length;
        var at = new long[length * 2];
        var charge = new long[length * 2];
        for (int i = 0; i < _windowCount; i++)
        {
            at[i] = _windowAt[(_windowHead + i) & (length - 1)];
            charge[i] = _windowCharge[(_windowHead + i) & (length - 1)];
        }

        _windowAt = at;
        _windowCharge = charge;
        _windowHead = 0;
    }

    public ModelThroughput Throughput()
    {
        decimal minutes = Math.Max(1m, (LastAdmit - FirstAdmit) / (decimal)TimeSpan.TicksPerMinute);
        if (!_countsAttempts)
        {
            // Under queue each admission was the request's one attempt, at the same instant.
            Attempts = Admitted;
            FirstAttempt = FirstAdmit;
            LastAttempt = LastAdmit;
            PeakMinuteAttempts = PeakMinuteRequests;
        }

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
