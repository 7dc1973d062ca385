using Planner.Core.Catalog;

namespace Planner.Core.Simulation;

/// <summary>What one model achieved against its limits in the tier.</summary>
public sealed record ModelThroughput
{
    /// <summary>The model's canonical id.</summary>
    public required string Model { get; init; }

    /// <summary>The tier's limits for the model.</summary>
    public required UsageTier Tier { get; init; }

    /// <summary>Requests admitted (completed).</summary>
    public required long Admitted { get; init; }

    /// <summary>Admitted requests a minute, over the time from the first to the last admission (at least one minute).</summary>
    public required decimal MeanRpm { get; init; }

    /// <summary>Requests admitted in the busiest calendar minute.</summary>
    public required long PeakMinuteRequests { get; init; }

    /// <summary>TPM charged a minute (input + max_tokens, else + output), over the same time as <see cref="MeanRpm"/>.</summary>
    public required decimal MeanTpm { get; init; }

    /// <summary>TPM charged in the busiest calendar minute (by tokens).</summary>
    public required long PeakMinuteTokens { get; init; }

    /// <summary>Attempts the RPM limiter saw: admissions plus throttled attempts (a 429 still counts against RPM).
    /// Equal to <see cref="Admitted"/> under queue.</summary>
    public required long Attempts { get; init; }

    /// <summary>Attempts a minute, over the time from the first to the last attempt (at least one minute).</summary>
    public required decimal MeanAttemptRpm { get; init; }

    /// <summary>Attempts in the busiest calendar minute: what the RPM limit was charged.</summary>
    public required long PeakMinuteAttempts { get; init; }

    /// <summary>Requests admitted in the busiest rolling 60 s (any start, exact): a burst reads the same wherever
    /// it falls against the calendar minutes.</summary>
    public required long PeakRollingRequests { get; init; }

    /// <summary>TPM charged in the busiest rolling 60 s (by tokens, exact).</summary>
    public required long PeakRollingTokens { get; init; }

    /// <summary>The most requests of this model in flight at once (latency model).</summary>
    public required long PeakConcurrency { get; init; }

    /// <summary>Tokens reserved against TPM by max_tokens but not produced.</summary>
    public required long ReservedUnusedTokens { get; init; }

    /// <summary>Tokens charged against TPM in all.</summary>
    public required long TokensCharged { get; init; }

    /// <summary>The peak minute's attempts (what the limiter was charged: admitted and throttled) / RPM limit.</summary>
    public decimal PeakRpmUtilisation => Tier.Rpm is { Value: > 0 } rpm ? PeakMinuteAttempts / (decimal)rpm.Value : 0;

    /// <summary>The peak minute's tokens / TPM limit.</summary>
    public decimal PeakTpmUtilisation => Tier.Tpm is { Value: > 0 } tpm ? PeakMinuteTokens / (decimal)tpm.Value : 0;

    /// <summary>Mean attempts a minute / RPM limit (throttled attempts count against RPM).</summary>
    public decimal MeanRpmUtilisation => Tier.Rpm is { Value: > 0 } rpm ? MeanAttemptRpm / rpm.Value : 0;

    /// <summary>Mean TPM / TPM limit.</summary>
    public decimal MeanTpmUtilisation => Tier.Tpm is { Value: > 0 } tpm ? MeanTpm / tpm.Value : 0;
}
