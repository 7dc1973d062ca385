using Planner.Core.Catalog;
using Planner.Core.Units;

namespace Planner.Core.Capacity;

/// <summary>What one usage tier sustains for requests of one shape.</summary>
public sealed record CapacityEstimate
{
    public required UsageTier Tier { get; init; }

    /// <summary>What one request counts against TPM: its input + max_tokens when given, else + its output.</summary>
    public required TokenCount TpmChargePerRequest { get; init; }

    /// <summary>The sustained rate, exactly min(RPM, TPM / charge) (may be fractional).</summary>
    public required decimal MaxRequestsPerMinute { get; init; }

    /// <summary>Whole requests a minute: the sustained rate rounded down.</summary>
    public long WholeRequestsPerMinute => (long)decimal.Floor(MaxRequestsPerMinute);

    public required LimitedBy LimitedBy { get; init; }

    /// <summary>Seconds of input audio carried per minute at that rate.</summary>
    public required decimal InputAudioSecondsPerMinute { get; init; }

    /// <summary>Seconds of output audio carried per minute at that rate.</summary>
    public required decimal OutputAudioSecondsPerMinute { get; init; }

    /// <summary>The cost of an hour at that rate, rounded to the picodollar (the rate may be a repeating fraction).</summary>
    public required Usd CostPerHour { get; init; }

    /// <summary>Share of TPM reserved but not used because max_tokens exceeds the real output (0 to 1).</summary>
    public required decimal ReservedButUnusedShare { get; init; }
}
