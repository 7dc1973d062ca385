using Planner.Core.Catalog;
using Planner.Core.Pricing;
using Planner.Core.Units;

namespace Planner.Core.Calls;

/// <summary>A call costed Response by Response.</summary>
public sealed record CallPlan
{
    /// <summary>The id that bills.</summary>
    public required string ModelId { get; init; }

    /// <summary>The API the call runs on.</summary>
    public required ModelApi Api { get; init; }

    public required CallShape Shape { get; init; }

    public required CallOptions Options { get; init; }

    /// <summary>Each turn in order.</summary>
    public required IReadOnlyList<CallTurn> Turns { get; init; }

    /// <summary>All turns' tokens by modality.</summary>
    public required ResponseTokens Tokens { get; init; }

    /// <summary>All turns' tokens on the meters.</summary>
    public required Usage Usage { get; init; }

    /// <summary>The call's exact cost, meter by meter (the sum of the turns' to the last digit).</summary>
    public required CostBreakdown Cost { get; init; }

    /// <summary>The call's cost with no cache hit at all (cache-hit share 0).</summary>
    public required Usd CostWithNoCacheHit { get; init; }

    /// <summary>The call's cost with every cacheable token hit (cache-hit share 1).</summary>
    public required Usd CostWithFullCacheHit { get; init; }

    /// <summary>The output reserved per Response (max output tokens).</summary>
    public required TokenCount ReservedOutput { get; init; }

    /// <summary>On Realtime, the most input a Response holds before the server truncates (context window less
    /// <see cref="ReservedOutput"/>); null on Chat Completions, which never truncates.</summary>
    public TokenCount? TruncationLimit { get; init; }

    /// <summary>The first turn at which the server truncates, or null when it never does.</summary>
    public int? TruncationTurn { get; init; }

    /// <summary>User audio tokens per turn (at the input rate).</summary>
    public required TokenCount UserAudioTokensPerTurn { get; init; }

    /// <summary>Assistant audio tokens per turn (at the output rate, also when resent as input).</summary>
    public required TokenCount AssistantAudioTokensPerTurn { get; init; }

    /// <summary>What the assumptions were.</summary>
    public required IReadOnlyList<CallAssumption> Assumptions { get; init; }

    /// <summary>What the user should know (truncation, lifecycle).</summary>
    public required IReadOnlyList<PlannerWarning> Warnings { get; init; }

    /// <summary>The call's exact cost.</summary>
    public Usd Total => Cost.Total;

    /// <summary>The call's length in minutes.</summary>
    public decimal CallMinutes => Shape.CallMinutes;

    /// <summary>The cost of a minute of call, or null for a call without length (no audio, no minutes).</summary>
    public Usd? CostPerMinute => CallMinutes > 0m ? Total / CallMinutes : null;

    /// <summary>Responses (requests) per minute of call, or null for a call without length.</summary>
    public decimal? ResponsesPerCallMinute => CallMinutes > 0m ? Turns.Count / CallMinutes : null;

    /// <summary>The sum of every Response's TPM charge.</summary>
    public TokenCount TpmCharge
    {
        get
        {
            var sum = TokenCount.Zero;
            foreach (var turn in Turns)
            {
                sum += turn.TpmCharge;
            }

            return sum;
        }
    }
}
