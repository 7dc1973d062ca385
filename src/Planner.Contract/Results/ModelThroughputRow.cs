using Planner.Core.Simulation;

namespace Planner.Contract.Results;

/// <summary>One model's traffic in a simulation against its tier limits. Means and utilisations are statistics,
/// rounded (means to 3 decimals, utilisations, a fraction of the limit, to 4).</summary>
public sealed record ModelThroughputRow
{
    public required string Model { get; init; }

    /// <summary>The tier's requests-per-minute limit (0 when it has none).</summary>
    public required long RpmLimit { get; init; }

    /// <summary>The tier's tokens-per-minute limit (0 when it has none).</summary>
    public required long TpmLimit { get; init; }

    /// <summary>Requests admitted.</summary>
    public required long Admitted { get; init; }

    /// <summary>Admitted requests a minute on average.</summary>
    public required decimal MeanRpm { get; init; }

    /// <summary>Attempts (admitted and throttled) a minute on average: what the RPM limit sees.</summary>
    public required decimal MeanAttemptRpm { get; init; }

    public required long PeakMinuteRpm { get; init; }

    public required long Attempts { get; init; }

    public required long PeakMinuteAttempts { get; init; }

    [System.Text.Json.Serialization.JsonPropertyName("peak_rolling_60s_requests")]
    public required long PeakRolling60sRequests { get; init; }

    [System.Text.Json.Serialization.JsonPropertyName("peak_rolling_60s_tokens")]
    public required long PeakRolling60sTokens { get; init; }

    public required decimal RpmUtilisationMean { get; init; }

    public required decimal RpmUtilisationPeak { get; init; }

    public required decimal MeanTpm { get; init; }

    public required long PeakMinuteTpm { get; init; }

    public required decimal TpmUtilisationMean { get; init; }

    public required decimal TpmUtilisationPeak { get; init; }

    public required long PeakConcurrency { get; init; }

    public required long TpmTokensCharged { get; init; }

    public required long TpmReservedUnusedTokens { get; init; }

    /// <summary>The row of Core's figures.</summary>
    public static ModelThroughputRow From(ModelThroughput m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new()
        {
            Model = m.Model,
            RpmLimit = m.Tier.Rpm?.Value ?? 0,
            TpmLimit = m.Tier.Tpm?.Value ?? 0,
            Admitted = m.Admitted,
            MeanRpm = Math.Round(m.MeanRpm, 3),
            MeanAttemptRpm = Math.Round(m.MeanAttemptRpm, 3),
            PeakMinuteRpm = m.PeakMinuteRequests,
            Attempts = m.Attempts,
            PeakMinuteAttempts = m.PeakMinuteAttempts,
            PeakRolling60sRequests = m.PeakRollingRequests,
            PeakRolling60sTokens = m.PeakRollingTokens,
            RpmUtilisationMean = Math.Round(m.MeanRpmUtilisation, 4),
            RpmUtilisationPeak = Math.Round(m.PeakRpmUtilisation, 4),
            MeanTpm = Math.Round(m.MeanTpm, 3),
            PeakMinuteTpm = m.PeakMinuteTokens,
            TpmUtilisationMean = Math.Round(m.MeanTpmUtilisation, 4),
            TpmUtilisationPeak = Math.Round(m.PeakTpmUtilisation, 4),
            PeakConcurrency = m.PeakConcurrency,
            TpmTokensCharged = m.TokensCharged,
            TpmReservedUnusedTokens = m.ReservedUnusedTokens,
        };
    }
}
