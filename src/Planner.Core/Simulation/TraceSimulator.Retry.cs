using Planner.Core.Traces;

namespace Planner.Core.Simulation;

/// <summary>Under retry: a throttled attempt gets a 429, still takes 1 from the RPM bucket, below zero if need be
/// ("unsuccessful requests contribute to your per-minute limit": like a per-minute counter, refused attempts
/// push the next success further out), and tries again after a random exponential backoff; after the last
/// attempt the request is dropped and not billed.</summary>
public sealed partial class TraceSimulator
{
    private readonly PriorityQueue<PendingAttempt, (long At, long Sequence)> _retries = new();
    private long _sequence;

    private void DrainRetries(long until)
    {
        while (_retries.TryPeek(out _, out var key) && key.At <= until)
        {
            var pending = _retries.Dequeue();
            Attempt(pending, key.At);
        }
    }

    private void Attempt(PendingAttempt pending, long now)
    {
        var limiter = pending.Limiter;
        limiter.Rpm.Advance(now);
        limiter.Tpm.Advance(now);
        if (limiter.Rpm.Has(1) && limiter.Tpm.Has(pending.Charge))
        {
            limiter.Rpm.Take(1);
            limiter.Tpm.Take(pending.Charge);
            Admit(limiter, pending.Request, pending.Request.Timestamp.UtcTicks, now, pending.Charge, pending.Duration, pending.Attempt);
            return;
        }

        _throttledAttempts++;
        limiter.Attempt(now);
        if (pending.Attempt == 1)
        {
            _throttledRequests++;
        }

        limiter.Rpm.TakeOwing(1);
        if (pending.Attempt >= _options.Retry.MaxAttempts)
        {
            _dropped++;
            OnOutcome?.Invoke(new RequestOutcome(pending.Request.Line, pending.Request.Timestamp.UtcTicks, RequestOutcomeKind.Dropped, 0, pending.Attempt));
            return;
        }

        _retries.Enqueue(pending with { Attempt = pending.Attempt + 1 }, (Later(now, Backoff(pending.Attempt)), _sequence++));
        _retryCount++;
    }

    /// <summary>The wait after attempt <paramref name="attempt"/>: min(initial x factor^(attempt-1), max) x (1 - jitter x U).</summary>
    private long Backoff(int attempt)
    {
        var policy = _options.Retry;
        double wait = Math.Min(policy.InitialBackoff.Ticks * Math.Pow(policy.Factor, attempt - 1), policy.MaxBackoff.Ticks);
        double ticks = wait * (1 - (policy.Jitter * _random.NextDouble()));
        return ticks >= long.MaxValue ? long.MaxValue : Math.Max(1, (long)ticks);
    }

    /// <summary>A request waiting for its next attempt.</summary>
    private readonly record struct PendingAttempt(TraceRequest Request, ModelLimiter Limiter, long Charge, long Duration, int Attempt);
}
