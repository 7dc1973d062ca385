using Planner.Core.Units;

namespace Planner.Contract.Results;

/// <summary>The result of <c>capacity</c> for one request shape: how many such requests a minute a tier sustains,
/// the audio that carries, and its cost per hour.</summary>
public sealed record CapacityResult
{
    public required string Model { get; init; }

    /// <summary>The tier's key ("1", "free").</summary>
    public required string Tier { get; init; }

    public required long Rpm { get; init; }

    public required long Tpm { get; init; }

    /// <summary>Tokens of one request, per meter.</summary>
    public required MeterTokens Tokens { get; init; }

    /// <summary>The max_tokens each request sends, when the query gave one (omitted otherwise).</summary>
    public long? MaxTokens { get; init; }

    /// <summary>What one request counts against TPM: input + output, or input + max_tokens.</summary>
    public required long TpmChargePerRequest { get; init; }

    /// <summary>Sustained requests a minute, rounded to 6 places.</summary>
    public required decimal MaxRequestsPerMinute { get; init; }

    public required long WholeRequestsPerMinute { get; init; }

    /// <summary>"rpm" or "tpm".</summary>
    public required string LimitedBy { get; init; }

    /// <summary>Minutes of input audio carried each minute, rounded to 6 places.</summary>
    public required decimal InputAudioMinutesPerMinute { get; init; }

    /// <summary>Minutes of output audio carried each minute, rounded to 6 places.</summary>
    public required decimal OutputAudioMinutesPerMinute { get; init; }

    public required Usd PerRequestUsd { get; init; }

    /// <summary>The cost of an hour at the sustained rate.</summary>
    public required Usd CostPerHourUsd { get; init; }

    /// <summary>The share of TPM reserved by max_tokens but not used, rounded to 6 places (0 without max_tokens).</summary>
    public required decimal TpmReservedButUnusedShare { get; init; }

    public required CapacityAudioLimits PerRequestAudioLimits { get; init; }

    public required IReadOnlyList<WarningItem> Warnings { get; init; }

    public required IReadOnlyList<AssumptionItem> Assumptions { get; init; }
}
