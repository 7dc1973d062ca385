using System.Globalization;
using MathNet.Numerics.Random;
using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Traces;
using Planner.Core.Units;

namespace Planner.Core.Projection;

/// <summary>Learns a workload from observed requests, one at a time: arrival rates by hour of day
/// (UTC; and by day of week when the requests span more than a week) and each model's per-request
/// tokens (a seeded reservoir sample, so memory does not grow with the trace).</summary>
public sealed class WorkloadLearner
{
    private const int HoursPerWeek = 24 * 7;

    // Requests are also counted in 10-minute slots (one entry per slot with traffic, so memory grows with the
    // trace's span, not its rows) to count them in day-long windows for the day-to-day spread.
    private const long SlotTicks = TimeSpan.TicksPerMinute * 10;
    private readonly int _reservoirSize;
    private readonly Xoshiro256StarStar _random;
    private readonly Dictionary<string, ModelObservations> _models = new(StringComparer.Ordinal);
    private readonly List<ModelObservations> _order = [];
    private DateTimeOffset _first = DateTimeOffset.MaxValue;
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    /// <summary>Creates a learner. <paramref name="reservoirSize"/> defaults to 100,000 requests per model
    /// and must be >= 1; <paramref name="seed"/> seeds the reservoir sample.</summary>
    public WorkloadLearner(int reservoirSize = ProjectionDefaults.ReservoirSize, int seed = ProjectionDefaults.Seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(reservoirSize, 1);
        _reservoirSize = reservoirSize;
        _random = new Xoshiro256StarStar(seed);
    }

    /// <summary>Requests observed.</summary>
    public long Count { get; private set; }

    /// <summary>Observes one trace row.</summary>
    public void Observe(in TraceRequest request) => Observe(request.Timestamp, request.Model, request.Usage, request.MaxTokens);

    /// <summary>Observes one request sent at <paramref name="at"/> to <paramref name="model"/>.</summary>
    public void Observe(DateTimeOffset at, ResolvedModel model, in Usage usage, TokenCount? maxTokens = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!_models.TryGetValue(model.Model.Id, out var observations))
        {
            observations = new ModelObservations(model);
            _models.Add(model.Model.Id, observations);
            _order.Add(observations);
        }

        Count++;
        _first = at < _first ? at : _first;
        _last = at > _last ? at : _last;
        observations.Cells[Cell(at)]++;
        long slot10 = at.UtcTicks / SlotTicks;
        observations.Slots[slot10] = observations.Slots.GetValueOrDefault(slot10) + 1;
        long charge = TpmCharge.Of(usage, maxTokens).Value;
        observations.TpmChargeSum += charge;
        long seen = observations.Count++;
        if (observations.Reservoir.Count < _reservoirSize)
        {
            observations.Reservoir.Add(usage);
            observations.Charges.Add(charge);
        }
        else
        {
            long slot = _random.NextInt64(seen + 1);
            if (slot < _reservoirSize)
            {
                observations.Reservoir[(int)slot] = usage;
                observations.Charges[(int)slot] = charge;
            }
        }
    }

    /// <summary>The workload learned so far: one stream per model, Poisson within a day, its daily rate and
    /// day-to-day spread uncertain as the trace's day-long windows leave them (<see cref="TraceEvidence"/>).</summary>
    /// <param name="fit">How per-request tokens are modelled.</param>
    /// <param name="spreadPrior">The prior over the day-to-day spread; the default is <see cref="DailySpreadPrior.Default"/>.</param>
    /// <exception cref="PlannerException">Fewer than two requests, or all at one instant.</exception>
    public Workload Learn(UsageFit fit = UsageFit.Resample, DailySpreadPrior? spreadPrior = null)
    {
        var prior = (spreadPrior ?? DailySpreadPrior.Default).Validate();
        if (Count < 2)
        {
            throw new PlannerException(PlannerErrorKind.InvalidTrace,
                $"a workload needs at least two requests at different times to learn arrival rates from, got {Count}");
        }

        if (_last == _first)
        {
            throw new PlannerException(PlannerErrorKind.InvalidTrace,
                $"a workload needs requests at two or more different times to learn arrival rates from; all {Count:N0} are at {Ingest.Text.Instant(_first.UtcTicks)} (a usage bucket's requests are read at its start: give more than one bucket)");
        }

        // n requests between first and last: the observed span is (n - 1) gaps, the process ran n gaps.
        // In ticks: a trace ending near 9999-12-31 may run its last gap past the last DateTimeOffset.
        long end = _last.UtcTicks + ((_last.UtcTicks - _first.UtcTicks) / (Count - 1));
        double spanDays = (end - _first.UtcTicks) / (double)TimeSpan.TicksPerDay;
        bool byDayOfWeek = spanDays > ProjectionDefaults.DayOfWeekAfterDays;
        var exposure = Exposure(_first, end);
        var streams = new List<WorkloadStream>();
        int windows = Math.Max(1, (int)Math.Round(spanDays));
        foreach (var observations in _order)
        {
            var evidence = TraceEvidence.FromWindowCounts(WindowCounts(observations.Slots, _first, end, windows), observations.Count, prior);
            var (perDay, busiestShare) = Rates(observations.Cells, exposure, byDayOfWeek);
            double meanCharge = observations.TpmChargeSum / (double)observations.Count;
            UsageDistribution usage = fit == UsageFit.LogNormal
                ? new LogNormalUsage(observations.Reservoir, meanCharge) { Charges = new TpmCharges(observations.Charges) }
                : new EmpiricalUsage(observations.Reservoir, meanCharge) { Charges = new TpmCharges(observations.Charges) };
            streams.Add(new WorkloadStream(observations.Model, Arrivals.PoissonPerDay((decimal)perDay, busiestShare), usage) { Evidence = evidence });
        }

        var warnings = new List<PlannerWarning>();
        if (windows < ProjectionDefaults.DaysToLearnSpread)
        {
            string days = spanDays.ToString("0.##", CultureInfo.InvariantCulture);
            warnings.Add(new PlannerWarning("trace_too_short",
                $"the trace covers {days} day(s), too few to measure how traffic varies from day to day: the intervals rest on an assumed "
                + $"day-to-day spread (median {prior.Median.ToString("0.#%", CultureInfo.InvariantCulture)}) and are wide; "
                + $"a trace of {ProjectionDefaults.DaysToLearnSpread} days or more lets them rest on the data"));
        }

        string by = byDayOfWeek ? "day of week and hour of day" : "hour of day";
        var notes = new List<string>
        {
            $"arrivals learned by {by} (UTC) from {Count:N0} requests over {spanDays.ToString("0.##", CultureInfo.InvariantCulture)} days; hours the trace does not cover take its average rate",
        };
        notes.Add($"intervals include the uncertainty of learning the workload: each run draws the daily rate and the day-to-day spread from their posterior given {windows} day-long window(s) (prior median spread {prior.Median.ToString("0.#%", CultureInfo.InvariantCulture)}), and the mean tokens from their sampling error");
        return new Workload(streams, notes) { Warnings = warnings };
    }

    /// <summary>Requests in each of <paramref name="windows"/> equal windows covering [start, end), each 10-minute slot
    /// counted in the window holding its middle.</summary>
    private static long[] WindowCounts(Dictionary<long, long> slots, DateTimeOffset start, long end, int windows)
    {
        var counts = new long[windows];
        double length = (end - start.UtcTicks) / (double)windows;
        foreach (var (slot, count) in slots)
        {
            double middle = (slot * SlotTicks) + (SlotTicks / 2) - start.UtcTicks;
            int w = (int)Math.Clamp(Math.Floor(middle / length), 0, windows - 1);
            counts[w] += count;
        }

        return counts;
    }

    private static int Cell(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return ((int)utc.DayOfWeek * 24) + utc.Hour;
    }

    /// <summary>Hours of each (day of week, hour) cell that [start, end ticks) covers; in ticks, so an end past
    /// <see cref="DateTimeOffset.MaxValue"/> (a trace ending on 9999-12-31) still counts.</summary>
    private static double[] Exposure(DateTimeOffset start, long end)
    {
        var hours = new double[HoursPerWeek];
        long first = start.UtcTicks;
        long slot = first - (first % TimeSpan.TicksPerHour);
        while (slot < end)
        {
            long next = slot + TimeSpan.TicksPerHour;
            long from = Math.Max(slot, first);
            long to = Math.Min(next, end);
            hours[Cell(slot)] += (to - from) / (double)TimeSpan.TicksPerHour;
            slot = next;
        }

        return hours;
    }

    /// <summary>The (day of week, hour) cell of an instant in UTC ticks: day 0 (0001-01-01) was a Monday.</summary>
    private static int Cell(long ticks)
    {
        long hour = ticks / TimeSpan.TicksPerHour;
        int dayOfWeek = (int)(((hour / 24) + (int)DayOfWeek.Monday) % 7);
        return (dayOfWeek * 24) + (int)(hour % 24);
    }

    private static (double PerDay, double BusiestShare) Rates(long[] cells, double[] exposure, bool byDayOfWeek)
    {
        int width = byDayOfWeek ? HoursPerWeek : 24;
        var count = new double[width];
        var hours = new double[width];
        for (int c = 0; c < HoursPerWeek; c++)
        {
            count[c % width] += cells[c];
            hours[c % width] += exposure[c];
        }

        double totalCount = count.Sum();
        double totalHours = hours.Sum();
        double average = totalCount / totalHours;
        double sum = 0;
        double busiest = 0;
        for (int c = 0; c < width; c++)
        {
            double rate = hours[c] > 1e-6 ? count[c] / hours[c] : average;
            sum += rate;
            busiest = Math.Max(busiest, rate);
        }

        double perDay = byDayOfWeek ? sum / 7 : sum;
        double share = perDay > 0 ? Math.Min(1, busiest / perDay) : 1.0 / 24;
        return (perDay, share);
    }

    private sealed class ModelObservations(ResolvedModel model)
    {
        public ResolvedModel Model { get; } = model;
        public long[] Cells { get; } = new long[HoursPerWeek];
        public Dictionary<long, long> Slots { get; } = [];
        public List<Usage> Reservoir { get; } = [];
        public List<long> Charges { get; } = [];
        public long Count { get; set; }
        public double TpmChargeSum { get; set; }
    }
}
