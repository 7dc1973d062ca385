using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Traces;

namespace Planner.Core.Simulation;

/// <summary>Replays priced trace rows, in time order, against one tier's RPM and TPM token buckets on
/// virtual time (the rows' timestamps): queue or retry, with a latency model for concurrency. Memory does not
/// grow with the trace's length: queued requests are not stored (under first come, first served each model's
/// queue is just the instant its next request may go), delays go into a fixed-size histogram, and only requests
/// waiting to retry (bounded by the backoff window) and those in flight are held.</summary>
public sealed partial class TraceSimulator : ITraceSink, ITraceChunkSink
{
    private readonly SimulationOptions _options;
    private readonly TierSchedule _schedule;
    private bool _schemeChecked;
    private readonly List<ModelLimiter> _limiters = [];
    private readonly DelayHistogram _delays = new();
    private readonly TraceCosts _costs = new();
    private readonly TraceCosts _offered;
    private readonly bool _addsOffered;
    // Under queue a valid row is completed unless it is never admissible, so while no row has been rejected the
    // completed requests are exactly the offered ones: their cost is not summed twice. At the first rejection the
    // offered sums (then the rows before it, all completed) are copied, and only later completions are summed.
    private readonly bool _queue;
    private TraceCosts? _completedBeforeRejection;
    // The chunk being replayed (AddChunk) and the row of it being decided: the rows before a first rejection that are
    // not yet in the offered sums (those are added a chunk at a time, after the chunk).
    private TraceRequest[]? _chunk;
    private int _chunkAt;
    private readonly long _ttftTicks;
    private readonly double _ticksPerOutputToken;
    private readonly LimitRejectionCounter _rejectionCounter = new();
    private readonly TraceRejections _limitRejections = new();
    private readonly Random _random;
    private ModelSpec? _lastModel;
    private ModelLimiter? _lastLimiter;
    // The limiters by the index of their model in the recommender's columns (AddChunk with ReplayColumns).
    private ModelLimiter?[] _byIndex = [];
    private long _completed;
    private long _dropped;
    private long _throttledAttempts;
    private long _throttledRequests;
    private long _retryCount;
    private readonly InFlightPeak _inFlight = new();
    private string? _unsupported;

    /// <summary>The reason key of a row whose model the tier does not support.</summary>
    public const string TierNotSupported = "tier_not_supported";

    /// <summary>The reason key of a row whose TPM charge exceeds the TPM bucket's capacity.</summary>
    public const string ChargeOverCapacity = "charge_over_tpm_capacity";

    /// <summary>Creates a simulator for one tier.</summary>
    /// <exception cref="PlannerException">Invalid options (all problems at once), or a tier no model has.</exception>
    public TraceSimulator(ModelCatalog catalog, SimulationOptions options)
        : this(catalog, options, offered: null)
    {
    }

    /// <summary>Creates a simulator for one tier whose <see cref="SimulationResult.OfferedCosts"/> is
    /// <paramref name="offered"/>, fed with every row by the caller (once for all the tiers of a recommendation) instead
    /// of by <see cref="Add(in TraceRequest)"/>; null: the simulator adds them itself. The caller adds each row to it on the same thread
    /// and only after this simulator's <see cref="Add(in TraceRequest)"/> has taken the row (under queue the completed requests' cost is
    /// read from it: see <see cref="Finish"/>).</summary>
    internal TraceSimulator(ModelCatalog catalog, SimulationOptions options, TraceCosts? offered)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        if (problems.Count > 0)
        {
            throw new PlannerException(PlannerErrorKind.InvalidArgument, string.Join("; ", problems));
        }

        if (!catalog.Models.Any(m => m.FindTier(options.Tier) is not null))
        {
            var names = catalog.TierSchedule.Schemes.SelectMany(s => s.Tiers).Select(t => t.Name.Key).Distinct();
            throw new PlannerException(PlannerErrorKind.UnknownTier, $"unknown tier '{options.Tier}'; tiers: {string.Join(", ", names)}");
        }

        _schedule = catalog.TierSchedule;

        _options = options;
        _offered = offered ?? new TraceCosts();
        _addsOffered = offered is null;
        _random = new Random(options.Seed);
        _queue = options.OnLimit == OnLimit.Queue;
        (_ttftTicks, _ticksPerOutputToken) = options.Latency.Rates();
        TierName = catalog.Models.Select(m => m.FindTier(options.Tier)).First(t => t is not null)!.Name;
    }

    /// <summary>The tier's name as the catalog gives it.</summary>
    public string TierName { get; }

    /// <summary>Called for each admission with the model, the instant (ticks) and the TPM charge; for tests of the bucket laws.</summary>
    internal Action<ModelSpec, long, long>? OnAdmit { get; set; }

    /// <summary>Called once for every valid row with its outcome (each request's queue delay), or null. Under retry,
    /// rows come out in the order their fates are settled, not in trace order.</summary>
    public Action<RequestOutcome>? OnOutcome { get; set; }

    /// <summary>Counts queue delays above <paramref name="objective"/> exactly, so a p99 objective is decided exactly
    /// (<see cref="DelayHistogram.PercentileAtMost"/>). Call before the first row.</summary>
    public void TrackDelay(TimeSpan objective) => _delays.Track(objective);

    /// <summary>When true (the default), the tier must belong to the scheme in effect on the first row's day; its
    /// limits then apply to the whole replay, even past a scheme change. The tier recommender, which replays every
    /// scheme's tiers at once and judges only the first day's scheme, turns it off.</summary>
    internal bool ChecksScheme { get; init; } = true;

    /// <summary>When true (the default), each model's throughput figures are counted (<see cref="SimulationResult.Models"/>:
    /// per-minute and rolling peaks, tokens charged). The tier recommender, which reads none of them, turns it off: the
    /// result then lists no models, and its peak concurrency is counted as before.</summary>
    internal bool TracksThroughput { get; init; } = true;

    /// <summary>Replays one row; rows must come in time order (the reader guarantees it).</summary>
    /// <exception cref="PlannerException">On the first row, when the tier is not one of the scheme in effect that day.</exception>
    public void Add(in TraceRequest request)
    {
        var limiter = BeginRow(request);
        if (limiter.Unsupported is null)
        {
            Decide(limiter, request, request.Timestamp.UtcTicks, Charge(request), Duration(request));
        }
        else
        {
            RejectUnsupported(limiter, request);
        }

        EndRow(request);
    }

    /// <summary>As <see cref="Add(in TraceRequest)"/>, with the row's TPM charge (<see cref="Charge"/>) and latency
    /// (<see cref="Duration"/>) worked out by the caller: the same for every tier, so the recommender works them out
    /// once a row for all of them (the options' latency model must be this simulator's).</summary>
    internal void Add(in TraceRequest request, long charge, long duration)
    {
        var limiter = BeginRow(request);
        if (limiter.Unsupported is null)
        {
            Decide(limiter, request, request.Timestamp.UtcTicks, charge, duration);
        }
        else
        {
            RejectUnsupported(limiter, request);
        }

        EndRow(request);
    }

    /// <summary>Replays the rows of one chunk of the chunked feed (see <see cref="ITraceChunkSink"/>): the same as
    /// <see cref="Add(in TraceRequest)"/> of each, with the offered cost sums taken from the chunk's (summed by its parser)
    /// rather than summed again here.</summary>
    void ITraceChunkSink.AddChunk(TraceRequest[] rows, int count, long linesBefore, TraceCosts costs)
    {
        _chunk = rows;
        for (int i = 0; i < count; i++)
        {
            ref var row = ref rows[i];
            TraceChunkFeed.MoveLine(ref row, linesBefore);
            _chunkAt = i;
            var limiter = BeginRow(row);
            if (limiter.Unsupported is null)
            {
                Decide(limiter, row, row.Timestamp.UtcTicks, Charge(row), Duration(row));
            }
            else
            {
                RejectUnsupported(limiter, row);
            }
        }

        _chunk = null;
        if (_addsOffered)
        {
            _offered.Add(costs);
        }
    }

    /// <summary>As <see cref="ITraceChunkSink.AddChunk"/> for the recommender, which owns the offered sums (it adds the
    /// chunk's after every tier took the chunk) and works out what every tier reads of each row once for all of them
    /// (<paramref name="columns"/>, filled from these rows, lines moved): the rows themselves are read only on the rare
    /// paths (a rejection, an outcome callback, the completed cost after a first rejection).</summary>
    internal void AddChunk(TraceRequest[] rows, int count, ReplayColumns columns)
    {
        if (count == 0)
        {
            return;
        }

        CheckScheme(rows[0]);
        if (_byIndex.Length < columns.Models.Count)
        {
            Array.Resize(ref _byIndex, columns.Models.Count);
        }

        var byIndex = _byIndex;
        var ticks = columns.Ticks;
        var models = columns.ModelIndexes;
        var charges = columns.Charges;
        var durations = columns.Durations;
        _chunk = rows;
        for (int i = 0; i < count; i++)
        {
            _chunkAt = i;
            long arrival = ticks[i];
            int model = models[i];
            var limiter = byIndex[model] ??= Limiter(columns.Models[model], arrival);
            if (limiter.Unsupported is null)
            {
                Decide(limiter, rows[i], arrival, charges[i], durations[i]);
            }
            else
            {
                RejectUnsupported(limiter, rows[i]);
            }
        }

        _chunk = null;
    }

    /// <summary>The ticks from admission to completion of <paramref name="request"/> under this replay's latency model.</summary>
    internal long Duration(in TraceRequest request) =>
        LatencyModel.DurationTicks(request.Usage.OutputTokens.Value, _ttftTicks, _ticksPerOutputToken);

    /// <summary>Checks the scheme on the first row and finds the row's model's limiter.</summary>
    private ModelLimiter BeginRow(in TraceRequest request)
    {
        CheckScheme(request);
        return Limiter(request.Model.Model, request.Timestamp.UtcTicks);
    }

    /// <summary>On the first row: the tier must belong to the scheme in effect that day (unless <see cref="ChecksScheme"/> is off).</summary>
    private void CheckScheme(in TraceRequest first)
    {
        if (!_schemeChecked)
        {
            _schemeChecked = true;
            if (ChecksScheme)
            {
                _schedule.Resolve(_options.Tier, DateOnly.FromDateTime(first.Timestamp.UtcDateTime));
            }
        }
    }

    private void RejectUnsupported(ModelLimiter limiter, in TraceRequest request)
    {
        _unsupported ??= limiter.Unsupported;
        Reject(request, TierNotSupported, limiter, 0);
    }

    /// <summary>A row of a model the tier supports: never admissible, queued, or tried (retry).</summary>
    private void Decide(ModelLimiter limiter, in TraceRequest request, long arrival, long charge, long duration)
    {
        if (!limiter.Tpm.CanEverHold(charge))
        {
            Reject(request, ChargeOverCapacity, limiter, charge);
        }
        else if (_queue)
        {
            Queue(limiter, request, arrival, charge, duration);
        }
        else
        {
            DrainRetries(arrival);
            Attempt(new PendingAttempt(request, limiter, charge, duration, 1), arrival);
        }
    }

    /// <summary>After the row is decided: a rejection copies the offered sums of the rows before it.</summary>
    private void EndRow(in TraceRequest request)
    {
        if (_addsOffered)
        {
            _offered.Add(request);
        }
    }

    /// <summary>Ends the replay (retries still waiting run to the end) and reports.</summary>
    public SimulationResult Finish(long rowsRead, TraceRejections traceRejections)
    {
        ArgumentNullException.ThrowIfNull(traceRejections);
        DrainRetries(long.MaxValue);
        _rejectionCounter.Flush(_limitRejections);
        var supported = _limiters.Where(l => l.Unsupported is null).ToList();
        var models = TracksThroughput ? supported.Select(l => l.Throughput()).ToList() : [];
        // Each model's admissions are in time order, so its own peak is exact. Under retry every admission, of any
        // model, happens in time order too, so the total is counted exactly as it goes. Under queue a model's
        // admissions run ahead of the others' (each is decided on arrival), so with several models the total is the
        // sum of their peaks, an upper bound (exact totals would need every queued admission held).
        bool exact = _options.OnLimit == OnLimit.Retry || supported.Count <= 1;
        return new SimulationResult
        {
            Options = _options,
            Tier = TierName,
            Costs = CompletedCosts(),
            OfferedCosts = _offered,
            RowsRead = rowsRead,
            RowsPriced = rowsRead - traceRejections.Count,
            TraceRejections = traceRejections,
            LimitRejections = _limitRejections,
            Completed = _completed,
            Dropped = _dropped,
            ThrottledAttempts = _throttledAttempts,
            ThrottledRequests = _throttledRequests,
            Retries = _retryCount,
            QueueDelay = _delays,
            Models = models,
            PeakConcurrency = _options.OnLimit == OnLimit.Retry ? _inFlight.Peak : supported.Sum(l => l.PeakConcurrency),
            PeakConcurrencyIsUpperBound = !exact,
            Unsupported = _unsupported,
        };
    }

    /// <summary>Reads a whole CSV trace and replays it (see the <see cref="IUsageSource"/> overload).</summary>
    public static SimulationResult Run(TraceReader reader, ModelCatalog catalog, SimulationOptions options, Action<TraceReader>? onProgress = null, Action<RequestOutcome>? onOutcome = null) =>
        Run(CsvTraceSource.Wrap(reader), catalog, options, onProgress is null ? null : _ => onProgress(reader), onOutcome);

    /// <summary>Reads a whole trace and replays it; <paramref name="onOutcome"/>, when given, hears every valid row's outcome
    /// (on the simulating thread). With more than one core the read is pipelined (<see cref="TracePipeline"/>): the
    /// reader parses and prices on the calling thread while the simulator replays (and sums) on another; the result, and the
    /// error on a bad row, are the same as reading directly.</summary>
    public static SimulationResult Run(IUsageSource reader, ModelCatalog catalog, SimulationOptions options, Action<IUsageSource>? onProgress = null, Action<RequestOutcome>? onOutcome = null) =>
        Run(reader, catalog, options, onProgress, onOutcome, TracePipeline.Pays);

    /// <summary>Reads a whole trace and replays it, through a pipeline or directly on the calling thread.</summary>
    internal static SimulationResult Run(IUsageSource reader, ModelCatalog catalog, SimulationOptions options, Action<IUsageSource>? onProgress, Action<RequestOutcome>? onOutcome, bool pipelined)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (!pipelined)
        {
            var direct = new TraceSimulator(catalog, options) { OnOutcome = onOutcome };
            reader.ReadAll(direct, onProgress);
            return direct.Finish(reader.RowsRead, reader.Rejections);
        }

        // The whole trace's cost is summed by the simulator, on its thread: under queue the completed requests' cost
        // is read from it (see CompletedCosts), and the reading thread, which parses and prices, is the busier one.
        var simulator = new TraceSimulator(catalog, options) { OnOutcome = onOutcome };
        TracePipeline.ReadAll(reader, [simulator], null, onProgress);
        return simulator.Finish(reader.RowsRead, reader.Rejections);
    }

    /// <summary>The cost of the completed requests: summed as they completed (retry), or under queue the offered rows'
    /// (a copy) when none was rejected, else the rows before the first rejection (copied then) and those completed after.
    /// Integer sums merged in row order, so the same figures, models in the same order, as summing every completion.</summary>
    private TraceCosts CompletedCosts()
    {
        if (!_queue)
        {
            return _costs;
        }

        var completed = new TraceCosts();
        completed.Add(_completedBeforeRejection ?? _offered);
        if (_completedBeforeRejection is not null)
        {
            completed.Add(_costs);
        }

        return completed;
    }

    /// <summary>Records a row the tier can never admit; the message is only made for the rows that are listed, and the
    /// unlisted ones are counted by reason in runs (<see cref="LimitRejectionCounter"/>).</summary>
    private void Reject(in TraceRequest request, string kind, ModelLimiter limiter, long charge)
    {
        if (_queue && _completedBeforeRejection is null)
        {
            _completedBeforeRejection = new TraceCosts();
            _completedBeforeRejection.Add(_offered);
            if (_chunk is not null)
            {
                // Fed a chunk at a time, the offered sums hold the chunks before this one: the rows before this one in it are added here.
                for (int i = 0; i < _chunkAt; i++)
                {
                    _completedBeforeRejection.Add(_chunk[i]);
                }
            }
        }

        long line = request.Line;
        OnOutcome?.Invoke(new RequestOutcome(line, request.Timestamp.UtcTicks, RequestOutcomeKind.Rejected, 0, 0));
        if (_limitRejections.First.Count >= TraceRejections.ListedAtMost)
        {
            _rejectionCounter.Add(kind, _limitRejections);
            return;
        }

        _limitRejections.Add(new TraceRejection(line, kind, kind == TierNotSupported
            ? limiter.Unsupported!
            : $"TPM charge of {charge:N0} tokens exceeds {limiter.Model.Id}'s TPM limit of {limiter.Tpm.LimitPerMinute:N0} at {limiter.Tier!.DisplayName}; it can never be admitted"));
    }

    /// <summary>Input tokens + max_tokens when the row gives it, else + its output (OpenAI counts max_tokens).</summary>
    internal static long Charge(in TraceRequest request) =>
        TpmCharge.Of(request.Usage, request.MaxTokens).Value;

    private ModelLimiter Limiter(ModelSpec model, long startTicks)
    {
        if (ReferenceEquals(model, _lastModel))
        {
            return _lastLimiter!;
        }

        ModelLimiter? found = null;
        foreach (var limiter in _limiters)
        {
            if (ReferenceEquals(limiter.Model, model))
            {
                found = limiter;
                break;
            }
        }

        if (found is null)
        {
            found = new ModelLimiter(model, model.FindTier(_options.Tier), _options.Tier, _options.BurstWindow, startTicks, countsAttempts: !_queue, TracksThroughput);
            _limiters.Add(found);
        }

        _lastModel = model;
        _lastLimiter = found;
        return found;
    }

    /// <summary>Under queue: the request goes when it is first in line and both buckets hold enough.</summary>
    private void Queue(ModelLimiter limiter, in TraceRequest request, long arrival, long charge, long duration)
    {
        long now = Math.Max(arrival, limiter.NextFree);
        limiter.Rpm.Advance(now);
        limiter.Tpm.Advance(now);
        long wait = Math.Max(limiter.Rpm.TicksUntil(1), limiter.Tpm.TicksUntil(charge));
        if (wait > 0)
        {
            now += wait;
            limiter.Rpm.Advance(now);
            limiter.Tpm.Advance(now);
        }

        limiter.Rpm.Take(1);
        limiter.Tpm.Take(charge);
        limiter.NextFree = now;
        Admit(limiter, request, arrival, now, charge, duration, 1);
    }

    /// <summary><paramref name="now"/> + <paramref name="ticks"/> (>= 0), at most <see cref="long.MaxValue"/>: a huge
    /// backoff or latency setting must not overflow (a request then simply never comes back within the trace).</summary>
    internal static long Later(long now, long ticks) => now > long.MaxValue - ticks ? long.MaxValue : now + ticks;

    private void Admit(ModelLimiter limiter, in TraceRequest request, long arrival, long now, long charge, long duration, int attempts)
    {
        OnOutcome?.Invoke(new RequestOutcome(request.Line, arrival, RequestOutcomeKind.Completed, now, attempts));
        long completes = Later(now, duration);
        limiter.Admit(now, charge, completes);
        if (!_queue)
        {
            limiter.Attempt(now);
            _inFlight.Admit(now, completes);
        }

        if (TracksThroughput && request.MaxTokens is { } max)
        {
            // A throughput figure (ModelThroughput.ReservedUnusedTokens): not read, so not counted, without them.
            limiter.ReservedUnused += max.Value - request.Usage.OutputTokens.Value;
        }

        _delays.Add(now - arrival);
        if (!_queue || _completedBeforeRejection is not null)
        {
            _costs.Add(request);
        }

        _completed++;
        OnAdmit?.Invoke(limiter.Model, now, charge);
    }
}
