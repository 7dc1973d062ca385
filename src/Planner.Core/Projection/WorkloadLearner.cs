using System.Globalization;
using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Traces;
using Planner.Core.Units;

namespace Planner.Core.Projection;

/// <summary>Learns a workload from observed requests, one at a time: arrival rates by hour of day
/// (UTC; and by day of week when the requests span more than a week) and each model's per-request
/// tokens (a seeded bottom-k sample, so memory does not grow with the trace).</summary>
/// <remarks>
/// <para>Mergeable: a trace read in chunks gives each chunk a learner of its own (<see cref="Part"/>), merged in file
/// order (<see cref="Merge"/>) into exactly what one learner reading the whole trace learns, to the last digit. Counts,
/// the hour-of-week and 10-minute tallies and the TPM charge sum are integer sums; the first and last instants are a
/// min and a max; the tokens are a bottom-k sample (<see cref="RequestSample"/>) whose union merges exactly.</para>
/// <para>A request's sampling key hashes its place in the input: its instant and its rank among the requests at that
/// instant in a row. A chunk cannot know its rows' lines in the file (the lines before it are counted by the chunk
/// before, at the same time), but it knows their instants and ranks, except in its opening run, which may continue the
/// run the chunk before it ends with: those requests are held aside (<see cref="UnplacedRequest"/>, normally a handful:
/// the requests at one instant) and keyed at the merge.</para>
/// </remarks>
public sealed class WorkloadLearner
{
    /// <summary>Hours in a week: the (day of week, hour) cells.</summary>
    internal const int HoursPerWeek = 24 * 7;

    // Requests are also counted in 10-minute slots (one entry per slot with traffic, so memory grows with the
    // trace's span, not its rows) to count them in day-long windows for the day-to-day spread.
    private const long SlotTicks = TimeSpan.TicksPerMinute * 10;
    private readonly int _sampleSize;
    private readonly int _seed;
    private readonly ulong _seedKey;
    private readonly Dictionary<string, ModelObservations> _models = new(StringComparer.Ordinal);
    private readonly List<ModelObservations> _order = [];

    // The opening run of a part: requests at its first instant, in a row, not yet ranked.
    private readonly List<UnplacedRequest> _opening = [];
    private bool _openingRun;
    private long _openingTicks;
    private long _firstTicks = long.MaxValue;
    private long _lastTicks = long.MinValue;

    // The run of requests at one instant in a row that the input has reached, and the last request's rank in it.
    private long _runTicks;
    private long _runRank;

    // Caches of the hot path: the last model seen, and the hour of week of the last hour seen.
    private ResolvedModel? _lastModel;
    private ModelObservations? _lastObservations;
    private long _hourStart = -TimeSpan.TicksPerHour;
    private int _hourCell;

    /// <summary>Creates a learner of a whole input, read from its start. <paramref name="sampleSize"/> defaults to
    /// 100,000 requests per model and must be >= 1; <paramref name="seed"/> seeds the sample.</summary>
    public WorkloadLearner(int sampleSize = ProjectionDefaults.SampleSize, int seed = ProjectionDefaults.Seed)
        : this(sampleSize, seed, part: false)
    {
    }

    private WorkloadLearner(int sampleSize, int seed, bool part)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleSize, 1);
        _sampleSize = sampleSize;
        _seed = seed;
        _seedKey = SampledRequest.SeedKey(seed);
        _openingRun = part;
    }

    /// <summary>A learner of one part of an input (a chunk), to be merged with <see cref="Merge"/>, in the input's order,
    /// into a learner of the whole (or of the parts before it); learned on its own it is read as the input's start.</summary>
    public static WorkloadLearner Part(int sampleSize = ProjectionDefaults.SampleSize, int seed = ProjectionDefaults.Seed) =>
        new(sampleSize, seed, part: true);

    /// <summary>Requests observed.</summary>
    public long Count { get; private set; }

    /// <summary>Observes one trace row.</summary>
    public void Observe(in TraceRequest request) => Observe(request.Timestamp, request.Model, request.Usage, request.MaxTokens);

    /// <summary>Observes one request sent at <paramref name="at"/> to <paramref name="model"/>.</summary>
    public void Observe(DateTimeOffset at, ResolvedModel model, in Usage usage, TokenCount? maxTokens = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var observations = ReferenceEquals(model, _lastModel) ? _lastObservations! : Find(model);
        long ticks = at.UtcTicks;
        long rank;
        if (Count > 0 && ticks == _runTicks)
        {
            rank = ++_runRank;
        }
        else
        {
            if (Count > 0)
            {
                _openingRun = false;
            }
            else
            {
                _openingTicks = ticks;
            }

            _runTicks = ticks;
            _runRank = rank = 0;
        }

        Count++;
        _firstTicks = Math.Min(_firstTicks, ticks);
        _lastTicks = Math.Max(_lastTicks, ticks);
        if (ticks - _hourStart >= TimeSpan.TicksPerHour || ticks < _hourStart)
        {
            _hourStart = ticks - (ticks % TimeSpan.TicksPerHour);
            _hourCell = Cell(_hourStart);
        }

        observations.Cells[_hourCell]++;
        observations.CountInSlot(ticks / SlotTicks);
        long charge = TpmCharge.Of(usage, maxTokens).Value;
        observations.TpmChargeSum += charge;
        observations.Count++;
        if (_openingRun)
        {
            _opening.Add(new UnplacedRequest(model.Model.Id, usage, charge));
            return;
        }

        Offer(observations, ticks, rank, usage, charge);
    }

    /// <summary>Adds what <paramref name="part"/> learned from the part of the input right after everything this learner
    /// has observed or merged: afterwards this learner is exactly one that observed both parts' requests in order.
    /// <paramref name="part"/> is read, not changed, and must come from <see cref="Part"/> with the same sample size and seed.</summary>
    /// <exception cref="ArgumentException"><paramref name="part"/> is not a part, is this learner, or samples differently.</exception>
    public void Merge(WorkloadLearner part)
    {
        ArgumentNullException.ThrowIfNull(part);
        if (ReferenceEquals(part, this) || part._sampleSize != _sampleSize || part._seedKey != _seedKey)
        {
            throw new ArgumentException("only another learner with the same sample size and seed can be merged", nameof(part));
        }

        if (part.Count == 0)
        {
            return;
        }

        if (part._opening.Count == 0)
        {
            throw new ArgumentException("only a part learner (WorkloadLearner.Part) can be merged: a whole learner's first requests were ranked as the input's start", nameof(part));
        }

        foreach (var theirs in part._order)
        {
            Find(theirs.Model).AddCounts(theirs);
        }

        // The part's opening run continues this learner's last run when it is at the same instant.
        long openingTicks = part._openingTicks;
        bool continues = Count > 0 && _runTicks == openingTicks;
        long offset = continues ? _runRank + 1 : 0;
        if (Count == 0)
        {
            _openingTicks = openingTicks;
        }

        if (_openingRun && (Count == 0 || continues))
        {
            _opening.AddRange(part._opening); // still one run from this part's start: still unplaced
        }
        else
        {
            for (int j = 0; j < part._opening.Count; j++)
            {
                var request = part._opening[j];
                Offer(_models[request.ModelId], openingTicks, offset + j, request.Usage, request.Charge);
            }
        }

        foreach (var theirs in part._order)
        {
            _models[theirs.Model.Model.Id].Sample.OfferAll(theirs.Sample);
        }

        _openingRun = _openingRun && (Count == 0 || continues) && part._openingRun;
        _runTicks = part._runTicks;
        _runRank = part._openingRun ? offset + part._opening.Count - 1 : part._runRank;
        Count += part.Count;
        _firstTicks = Math.Min(_firstTicks, part._firstTicks);
        _lastTicks = Math.Max(_lastTicks, part._lastTicks);
    }

    /// <summary>The workload learned so far: one stream per model, Poisson within a day, its daily rate and
    /// day-to-day spread uncertain as the trace's day-long windows leave them (<see cref="TraceEvidence"/>).</summary>
    /// <param name="fit">How per-request tokens are modelled.</param>
    /// <param name="spreadPrior">The prior over the day-to-day spread; the default is <see cref="DailySpreadPrior.Default"/>.</param>
    /// <exception cref="PlannerException">Fewer than two requests, or all at one instant.</exception>
    public Workload Learn(UsageFit fit = UsageFit.Resample, DailySpreadPrior? spreadPrior = null)
    {
        var prior = (spreadPrior ?? DailySpreadPrior.Default).Validate();
        if (_opening.Count > 0)
        {
            // A part learned on its own: the input's start, its opening run ranked from 0.
            var whole = new WorkloadLearner(_sampleSize, _seed);
            whole.Merge(this);
            return whole.Learn(fit, prior);
        }

        if (Count < 2)
        {
            throw new PlannerException(PlannerErrorKind.InvalidTrace,
                $"a workload needs at least two requests at different times to learn arrival rates from, got {Count}");
        }

        var first = new DateTimeOffset(_firstTicks, TimeSpan.Zero);
        if (_lastTicks == _firstTicks)
        {
            throw new PlannerException(PlannerErrorKind.InvalidTrace,
                $"a workload needs requests at two or more different times to learn arrival rates from; all {Count:N0} are at {Ingest.Text.Instant(_firstTicks)} (a usage bucket's requests are read at its start: give more than one bucket)");
        }

        // n requests between first and last: the observed span is (n - 1) gaps, the process ran n gaps.
        // In ticks: a trace ending near 9999-12-31 may run its last gap past the last DateTimeOffset.
        long end = _lastTicks + ((_lastTicks - _firstTicks) / (Count - 1));
        double spanDays = (end - _firstTicks) / (double)TimeSpan.TicksPerDay;
        bool byDayOfWeek = spanDays > ProjectionDefaults.DayOfWeekAfterDays;
        var exposure = Exposure(first, end);
        var streams = new List<WorkloadStream>();
        int windows = Math.Max(1, (int)Math.Round(spanDays));
        foreach (var observations in _order)
        {
            observations.Flush();
            var evidence = TraceEvidence.FromWindowCounts(WindowCounts(observations.Slots, first, end, windows), observations.Count, prior);
            var (perDay, busiestShare) = Rates(observations.Cells, exposure, byDayOfWeek);
            double meanCharge = (double)observations.TpmChargeSum / observations.Count;
            var sample = observations.Sample.InInputOrder();
            var usages = new Usage[sample.Length];
            var chargeList = new long[sample.Length];
            for (int i = 0; i < sample.Length; i++)
            {
                usages[i] = sample[i].Usage;
                chargeList[i] = sample[i].Charge;
            }

            var charges = new TpmCharges(chargeList);
            UsageDistribution usage = fit == UsageFit.LogNormal
                ? new LogNormalUsage(usages, meanCharge) { Charges = charges }
                : new EmpiricalUsage(usages, meanCharge) { Charges = charges };
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

    /// <summary>The requests of <paramref name="modelId"/> kept in the sample, in input order (for tests); a part's
    /// opening run is placed as the input's start.</summary>
    internal IReadOnlyList<SampledRequest> SampleOf(string modelId)
    {
        if (_opening.Count > 0)
        {
            var whole = new WorkloadLearner(_sampleSize, _seed);
            whole.Merge(this);
            return whole.SampleOf(modelId);
        }

        return _models.TryGetValue(modelId, out var observations) ? observations.Sample.InInputOrder().ToArray() : [];
    }

    private ModelObservations Find(ResolvedModel model)
    {
        if (!_models.TryGetValue(model.Model.Id, out var observations))
        {
            observations = new ModelObservations(model, _sampleSize);
            _models.Add(model.Model.Id, observations);
            _order.Add(observations);
        }

        _lastModel = model;
        _lastObservations = observations;
        return observations;
    }

    private void Offer(ModelObservations observations, long ticks, long rank, in Usage usage, long charge)
    {
        ulong key = SampledRequest.KeyOf(_seedKey, ticks, rank, usage, charge);
        if (!observations.Sample.Rejects(key))
        {
            observations.Sample.Offer(new SampledRequest(key, ticks, rank, usage, charge));
        }
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
}
