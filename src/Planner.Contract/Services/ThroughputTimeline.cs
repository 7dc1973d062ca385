using Planner.Contract.Results;
using Planner.Core.Pricing;
using Planner.Core.Simulation;
using Planner.Core.Traces;

namespace Planner.Contract.Services;

/// <summary>Feeds a simulator and counts what it admits per UTC minute and model (requests and TPM charge), from the
/// simulator's own outcomes: a request counts in the minute it was admitted, not the one it arrived in.</summary>
public sealed class ThroughputTimeline : ITraceSink
{
    private readonly TraceSimulator _simulator;
    private readonly Dictionary<(long Line, long Arrival), (string Model, long Charge, int Count)> _pending = [];
    private readonly Dictionary<string, SortedDictionary<long, (long Requests, long Tokens)>> _minutes = new(StringComparer.Ordinal);

    /// <summary>Wraps <paramref name="simulator"/>; its <see cref="TraceSimulator.OnOutcome"/> is taken over.</summary>
    public ThroughputTimeline(TraceSimulator simulator)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        _simulator = simulator;
        simulator.OnOutcome = Settle;
    }

    /// <summary>The simulator fed.</summary>
    public TraceSimulator Simulator => _simulator;

    /// <inheritdoc/>
    public void Add(in TraceRequest request)
    {
        var key = (request.Line, request.Timestamp.UtcTicks);
        long charge = TpmCharge.Of(request.Usage, request.MaxTokens).Value;
        _pending[key] = _pending.TryGetValue(key, out var seen) ? seen with { Count = seen.Count + 1 } : (request.Model.Model.Id, charge, 1);
        _simulator.Add(request);
    }

    private void Settle(RequestOutcome outcome)
    {
        var key = (outcome.Line, outcome.ArrivalTicks);
        if (!_pending.TryGetValue(key, out var pending))
        {
            return;
        }

        if (pending.Count == 1)
        {
            _pending.Remove(key);
        }
        else
        {
            _pending[key] = pending with { Count = pending.Count - 1 };
        }

        if (outcome.Kind != RequestOutcomeKind.Completed)
        {
            return;
        }

        if (!_minutes.TryGetValue(pending.Model, out var minutes))
        {
            _minutes[pending.Model] = minutes = [];
        }

        long minute = outcome.AdmittedTicks / TimeSpan.TicksPerMinute;
        var (requests, tokens) = minutes.GetValueOrDefault(minute);
        minutes[minute] = (checked(requests + 1), checked(tokens + pending.Charge));
    }

    /// <summary>The series of a finished simulation (call after <see cref="TraceSimulator.Finish"/>), with the limits of <paramref name="simulation"/>'s models.</summary>
    public ThroughputResult Result(SimulateResult simulation)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        var series = new List<ThroughputModelSeries>();
        foreach (var model in simulation.Models)
        {
            var rows = new List<ThroughputMinuteRow>();
            if (_minutes.TryGetValue(model.Model, out var minutes) && minutes.Count > 0)
            {
                for (long m = minutes.Keys.First(), last = minutes.Keys.Last(); m <= last; m++)
                {
                    var (requests, tokens) = minutes.GetValueOrDefault(m);
                    rows.Add(new ThroughputMinuteRow(new DateTimeOffset(m * TimeSpan.TicksPerMinute, TimeSpan.Zero), requests, tokens));
                }
            }

            series.Add(new ThroughputModelSeries(model.Model, model.RpmLimit, model.TpmLimit, rows));
        }

        return new ThroughputResult { Tier = simulation.Tier, Models = series };
    }
}
