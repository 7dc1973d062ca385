using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Units;

namespace Planner.Core.Traces;

/// <summary>The exact cost of a trace's requests: in total, by model and meter, per hour and per day, and
/// extrapolated to a 30-day month. Every figure is an exact sum of the rows' own costs.</summary>
/// <remarks>Memory grows with the number of models and with the trace's duration (one bucket per hour and
/// per day that has requests), never with its number of rows. Requests may be added slightly out of time
/// order (retried requests are billed at their arrival): a bucket is found by searching back from the last.</remarks>
public sealed class TraceCosts : ITraceSink
{
    /// <summary>Days in the month that <see cref="MonthlyProjection"/> extrapolates to. The value is 30.</summary>
    public const int DaysPerMonth = 30;

    private readonly List<(string Model, CostTotals Totals)> _byModel = [];
    private readonly List<TimeBucketTotals> _byHour = [];
    private readonly List<TimeBucketTotals> _byDay = [];
    private ResolvedModel? _lastModel;
    private CostTotals? _lastModelTotals;
    private TimeBucketTotals? _hour;
    private TimeBucketTotals? _day;
    private long _firstTicks = long.MaxValue;
    private long _lastTicks = long.MinValue;

    /// <summary>Everything, meter by meter (the sum of <see cref="ByModel"/>, made when asked).</summary>
    public CostTotals Totals
    {
        get
        {
            var totals = new CostTotals();
            foreach (var (_, model) in _byModel)
            {
                totals.Add(model);
            }

            return totals;
        }
    }

    /// <summary>By billing id (snapshot id, else model id), in order of first appearance.</summary>
    public IReadOnlyList<(string Model, CostTotals Totals)> ByModel => _byModel;

    /// <summary>Per UTC hour that has requests, in time order.</summary>
    public IReadOnlyList<TimeBucketTotals> ByHour => _byHour;

    /// <summary>Per UTC day that has requests, in time order.</summary>
    public IReadOnlyList<TimeBucketTotals> ByDay => _byDay;

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
        if (!ReferenceEquals(model, _lastModel))
        {
            _lastModel = model;
            _lastModelTotals = FindModel(model.BillingId);
        }

        _lastModelTotals!.Add(usage, cost);
        long ticks = timestamp.UtcTicks;
        long total = cost.TotalPicodollars;
        // Compared with the current buckets' bounds (two divisions a row otherwise); a request outside them is looked up
        // (an earlier one too: the difference is then negative, a huge unsigned value, not an overflow).
        if (_hour is null || unchecked((ulong)(ticks - _hour.StartTicks)) >= TimeSpan.TicksPerHour)
        {
            _hour = Bucket(_byHour, ticks, TimeSpan.TicksPerHour);
        }

        if (_day is null || unchecked((ulong)(ticks - _day.StartTicks)) >= TimeSpan.TicksPerDay)
        {
            _day = Bucket(_byDay, ticks, TimeSpan.TicksPerDay);
        }

        _hour.Add(total);
        _day.Add(total);
        _firstTicks = Math.Min(_firstTicks, ticks);
        _lastTicks = Math.Max(_lastTicks, ticks);
    }

    /// <summary>Adds a group of requests already summed elsewhere (an SQL engine's row): all on one billing id and
    /// within one UTC hour (<paramref name="hour"/>), the earliest at <paramref name="first"/> and the latest at <paramref name="last"/>.</summary>
    public void AddGroup(string billingId, DateTimeOffset hour, long requests, in Usage usage, in CostBreakdown cost, DateTimeOffset first, DateTimeOffset last)
    {
        ArgumentNullException.ThrowIfNull(billingId);
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
        return added;
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
