using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Units;

namespace Planner.Core.Traces;

/// <summary>The exact cost of a trace's requests: in total, by model and meter, per hour and per day, and
/// extrapolated to a 30-day month. Every figure is an exact sum of the rows' own costs.</summary>
/// <remarks>Memory grows with the number of models and with the trace's duration (one bucket per hour and
/// per day that has requests), never with its number of rows. Requests may be added slightly out of time
/// order (retried requests are billed at their arrival): a bucket is found by searching back from the last.
/// Per row the sums are plain 64-bit additions (four vector adds for a model's tokens and costs, two for the hour and the
/// day) into running sums that move into the exact 128-bit totals before one could reach 2^63, when the bucket or model
/// changes, and whenever the sums are read: reading <see cref="ByModel"/>, <see cref="Totals"/>, <see cref="ByHour"/> or
/// <see cref="ByDay"/> brings them up to date.</remarks>
public sealed class TraceCosts : ITraceSink
{
    /// <summary>Days in the month that <see cref="MonthlyProjection"/> extrapolates to. The value is 30.</summary>
    public const int DaysPerMonth = 30;

    private readonly List<(string Model, CostTotals Totals)> _byModel = [];
    private readonly List<RunningSums> _running = [];
    private readonly List<(ResolvedModel Model, RunningSums Sums)> _runningByModel = [];
    private readonly List<TimeBucketTotals> _byHour = [];
    private readonly List<TimeBucketTotals> _byDay = [];
    private ResolvedModel? _lastModel;
    private RunningSums? _lastRunning;
    private TimeBucketTotals? _hour;
    private TimeBucketTotals? _day;
    // The requests and picodollars added to _hour and _day since they last moved into them (each sum below 2^63).
    private long _hourRequests;
    private long _hourPicodollars;
    private long _dayRequests;
    private long _dayPicodollars;
    private long _firstTicks = long.MaxValue;
    private long _lastTicks = long.MinValue;

    /// <summary>Everything, meter by meter (the sum of <see cref="ByModel"/>, made when asked).</summary>
    public CostTotals Totals
    {
        get
        {
            Settle();
            var totals = new CostTotals();
            foreach (var (_, model) in _byModel)
            {
                totals.Add(model);
            }

            return totals;
        }
    }

    /// <summary>By billing id (snapshot id, else model id), in order of first appearance.</summary>
    public IReadOnlyList<(string Model, CostTotals Totals)> ByModel
    {
        get
        {
            Settle();
            return _byModel;
        }
    }

    /// <summary>Per UTC hour that has requests, in time order.</summary>
    public IReadOnlyList<TimeBucketTotals> ByHour
    {
        get
        {
            Settle();
            return _byHour;
        }
    }

    /// <summary>Per UTC day that has requests, in time order.</summary>
    public IReadOnlyList<TimeBucketTotals> ByDay
    {
        get
        {
            Settle();
            return _byDay;
        }
    }

    /// <summary>The earliest request's timestamp, or null when there are none.</summary>
    public DateTimeOffset? First => _firstTicks == long.MaxValue ? null : new DateTimeOffset(_firstTicks, TimeSpan.Zero);

    /// <summary>The latest request's timestamp, or null when there are none.</summary>
    public DateTimeOffset? Last => _lastTicks == long.MinValue ? null : new DateTimeOffset(_lastTicks, TimeSpan.Zero);

    /// <summary>From the first to the last request.</summary>
    public TimeSpan Span => First is { } first && Last is { } last ? last - first : TimeSpan.Zero;

    /// <summary>A caveat for <see cref="MonthlyProjection"/> when the trace leaves some hours of the day
    /// (UTC) without a request: the month then repeats the rate of the hours it has, whatever the time
    /// of day. Null when every hour of the day is represented.</summary>
    public string? ProjectionCaveat
    {
        get
        {
            if (MonthlyProjection is null)
            {
                return null;
            }

            int covered = ByHour.Select(h => h.Start.UtcDateTime.Hour).Distinct().Count();
            return covered < 24
                ? $"the trace has requests in only {covered} of the 24 hours of the day (UTC): the month repeats their rate, whatever the time of day"
                : null;
        }
    }

    /// <summary>The total scaled from <see cref="Span"/> to 30 days (total x 30 days / span), rounded to the
    /// picodollar; null when the span is zero (one instant cannot be extrapolated).</summary>
    public Usd? MonthlyProjection
    {
        get
        {
            long span = Span.Ticks;
            if (span <= 0)
            {
                return null;
            }

            decimal scaled = Totals.Total.Value * (DaysPerMonth * TimeSpan.TicksPerDay) / span;
            return Usd.FromDollars(Math.Round(scaled, 12, MidpointRounding.ToEven));
        }
    }

    /// <summary>Adds one priced request.</summary>
    public void Add(in TraceRequest request) => Add(request.Model, request.Timestamp, request.Usage, request.Cost);

    /// <summary>Adds one priced request.</summary>
    public void Add(ResolvedModel model, DateTimeOffset timestamp, in Usage usage, in CostBreakdown cost)
    {
        ArgumentNullException.ThrowIfNull(model);
        AddRow(model, timestamp.UtcTicks, usage, cost);
    }

    /// <summary>Adds one priced request at <paramref name="ticks"/> (UTC): the reader's path, which builds no request
    /// (<see cref="TraceReader.ReadInto"/>); compiled fully optimised at its first call (its vector sums would otherwise
    /// run their first rows unoptimised: a ReadyToRun image has no AVX2 code).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void AddRow(ResolvedModel model, long ticks, in Usage usage, in CostBreakdown cost)
    {
        if (!ReferenceEquals(model, _lastModel))
        {
            _lastModel = model;
            _lastRunning = FindRunning(model);
        }

        _lastRunning!.Add(usage, cost);
        long total = cost.TotalPicodollars;
        // Compared with the current buckets' bounds (two divisions a row otherwise); a request outside them is looked up.
        // Unchecked: a request before the bucket (a retried one billed at its arrival) makes the difference negative,
        // which the cast turns into a huge value, so it is looked up too.
        if (_hour is null || unchecked((ulong)(ticks - _hour.StartTicks)) >= TimeSpan.TicksPerHour)
        {
            SettleHour();
            _hour = Bucket(_byHour, ticks, TimeSpan.TicksPerHour);
        }

        if (_day is null || unchecked((ulong)(ticks - _day.StartTicks)) >= TimeSpan.TicksPerDay)
        {
            SettleDay();
            _day = Bucket(_byDay, ticks, TimeSpan.TicksPerDay);
        }

        if ((_hourPicodollars | _dayPicodollars | total) >= (1L << 62))
        {
            // A sum near 2^63 (never on a real trace): the sums so far move in, then this row alone.
            SettleHour();
            SettleDay();
            _hour.Add(total);
            _day.Add(total);
        }
        else
        {
            // Unchecked: both sums were below 2^62 and so is the row's cost; requests are far fewer.
            _hourRequests = unchecked(_hourRequests + 1);
            _hourPicodollars = unchecked(_hourPicodollars + total);
            _dayRequests = unchecked(_dayRequests + 1);
            _dayPicodollars = unchecked(_dayPicodollars + total);
        }

        _firstTicks = Math.Min(_firstTicks, ticks);
        _lastTicks = Math.Max(_lastTicks, ticks);
    }

    /// <summary>Adds a group of requests already summed elsewhere (an SQL engine's row): all on one billing id and
    /// within one UTC hour (<paramref name="hour"/>), the earliest at <paramref name="first"/> and the latest at <paramref name="last"/>.</summary>
    public void AddGroup(string billingId, DateTimeOffset hour, long requests, in Usage usage, in CostBreakdown cost, DateTimeOffset first, DateTimeOffset last)
    {
        ArgumentNullException.ThrowIfNull(billingId);
        Settle();
        _lastModel = null;
        FindModel(billingId).AddGroup(requests, usage, cost);
        long ticks = hour.UtcTicks;
        Bucket(_byHour, ticks, TimeSpan.TicksPerHour).Add(requests, cost.TotalPicodollars);
        Bucket(_byDay, ticks, TimeSpan.TicksPerDay).Add(requests, cost.TotalPicodollars);
        _hour = null;
        _day = null;
        _firstTicks = Math.Min(_firstTicks, first.UtcTicks);
        _lastTicks = Math.Max(_lastTicks, last.UtcTicks);
    }

    /// <summary>Adds everything in <paramref name="later"/>, the sums of a later part of the same trace (a chunk read on
    /// another core): integer sums, so the result is exactly that of one read; models keep their order of first appearance.</summary>
    public void Add(TraceCosts later)
    {
        ArgumentNullException.ThrowIfNull(later);
        Settle();
        later.Settle();
        _lastModel = null;
        _hour = null;
        _day = null;
        foreach (var (model, totals) in later._byModel)
        {
            FindModel(model).Add(totals);
        }

        foreach (var hour in later._byHour)
        {
            Bucket(_byHour, hour.Start.UtcTicks, TimeSpan.TicksPerHour).Add(hour.Requests, hour.Picodollars);
        }

        foreach (var day in later._byDay)
        {
            Bucket(_byDay, day.Start.UtcTicks, TimeSpan.TicksPerDay).Add(day.Requests, day.Picodollars);
        }

        _firstTicks = Math.Min(_firstTicks, later._firstTicks);
        _lastTicks = Math.Max(_lastTicks, later._lastTicks);
    }

    /// <summary>Moves every running sum into the exact totals.</summary>
    private void Settle()
    {
        foreach (var running in _running)
        {
            running.Settle();
        }

        SettleHour();
        SettleDay();
    }

    private void SettleHour()
    {
        if (_hourRequests > 0)
        {
            _hour!.Add(_hourRequests, _hourPicodollars);
            (_hourRequests, _hourPicodollars) = (0, 0);
        }
    }

    private void SettleDay()
    {
        if (_dayRequests > 0)
        {
            _day!.Add(_dayRequests, _dayPicodollars);
            (_dayRequests, _dayPicodollars) = (0, 0);
        }
    }

    private CostTotals FindModel(string billingId)
    {
        foreach (var (model, totals) in _byModel)
        {
            if (model == billingId)
            {
                return totals;
            }
        }

        var added = new CostTotals();
        _byModel.Add((billingId, added));
        _running.Add(new RunningSums(added));
        return added;
    }

    /// <summary>The running sums of <paramref name="model"/>'s billing id, found by reference (a trace names a few models,
    /// and the rows switch between them often).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called on every change of model (a row in five on a real trace)
    private RunningSums FindRunning(ResolvedModel model)
    {
        foreach (var (known, sums) in _runningByModel)
        {
            if (ReferenceEquals(known, model))
            {
                return sums;
            }
        }

        // No lambda here: its closure would be allocated on every call, found or not.
        var totals = FindModel(model.BillingId);
        RunningSums? found = null;
        foreach (var running in _running)
        {
            if (ReferenceEquals(running.Totals, totals))
            {
                found = running;
            }
        }

        if (_runningByModel.Count >= 32)
        {
            _runningByModel.Clear(); // bounded: a reader that resolves a name again may hand out a new instance
        }

        _runningByModel.Add((model, found!));
        return found!;
    }

    /// <summary>One model's tokens and picodollars per meter since they last moved into its <see cref="CostTotals"/>: 64-bit
    /// sums, each kept below 2^63 (every addend is a long >= 0, so a sum that reaches 2^63 shows in its top bit, and the
    /// row is then added to the totals alone).</summary>
    private sealed class RunningSums(CostTotals totals)
    {
        private MeterValues<long> _tokens;
        private MeterValues<long> _picodollars;
        private long _requests;

        public CostTotals Totals { get; } = totals;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(in Usage usage, in CostBreakdown cost)
        {
            ref long tokens = ref MemoryMarshal.GetReference((ReadOnlySpan<long>)usage.TokensRef);
            ref long picodollars = ref MemoryMarshal.GetReference((ReadOnlySpan<long>)cost.PicodollarsRef);
            ref long sumTokens = ref MemoryMarshal.GetReference((Span<long>)_tokens);
            ref long sumPicodollars = ref MemoryMarshal.GetReference((Span<long>)_picodollars);
            var t0 = Vector256.LoadUnsafe(ref sumTokens) + Vector256.LoadUnsafe(ref tokens);
            var t1 = Vector256.LoadUnsafe(ref sumTokens, 4) + Vector256.LoadUnsafe(ref tokens, 4);
            var p0 = Vector256.LoadUnsafe(ref sumPicodollars) + Vector256.LoadUnsafe(ref picodollars);
            var p1 = Vector256.LoadUnsafe(ref sumPicodollars, 4) + Vector256.LoadUnsafe(ref picodollars, 4);
            if ((t0 | t1 | p0 | p1).ExtractMostSignificantBits() != 0)
            {
                // A sum reached 2^63 (never on a real trace): the sums so far move in, then this row alone.
                Settle();
                Totals.Add(usage, cost);
                return;
            }

            t0.StoreUnsafe(ref sumTokens);
            t1.StoreUnsafe(ref sumTokens, 4);
            p0.StoreUnsafe(ref sumPicodollars);
            p1.StoreUnsafe(ref sumPicodollars, 4);
            _requests = unchecked(_requests + 1);
        }

        public void Settle()
        {
            if (_requests > 0)
            {
                Totals.AddGroup(_requests, Usage.FromCounts(_tokens), new CostBreakdown(_picodollars));
                (_tokens, _picodollars, _requests) = (default, default, 0);
            }
        }
    }

    private static TimeBucketTotals Bucket(List<TimeBucketTotals> buckets, long ticks, long width)
    {
        long index = ticks / width;
        for (int i = buckets.Count - 1; i >= 0; i--)
        {
            var bucket = buckets[i];
            if (bucket.Index == index)
            {
                return bucket;
            }

            if (bucket.Index < index)
            {
                var inserted = new TimeBucketTotals(index, width);
                buckets.Insert(i + 1, inserted);
                return inserted;
            }
        }

        var first = new TimeBucketTotals(index, width);
        buckets.Insert(0, first);
        return first;
    }
}
