using Planner.Core.Units;

namespace Planner.Core.Catalog;

/// <summary>One usage tier's limits for one model.</summary>
public sealed record UsageTier
{
    /// <summary>The tier's name: Free, Tier 1 ... Tier 5, Build, Launch, Grow.</summary>
    public required TierName Tier { get; init; }

    /// <summary>The id of the scheme this tier belongs to.</summary>
    public required string SchemeId { get; init; }

    /// <summary>The tier's canonical key: "free", "1" ... "5", "build", "launch", "grow".</summary>
    public string Name => Tier.Key;

    /// <summary>False where the model cannot be used at this tier (then RPM and TPM are null).</summary>
    public required bool Supported { get; init; }

    public RequestsPerMinute? Rpm { get; init; }
    public TokensPerMinute? Tpm { get; init; }

    /// <summary>The most the organization may spend a month at this tier.</summary>
    public required Usd MonthlyUsageLimit { get; init; }

    /// <summary>What qualifies an organization for this tier.</summary>
    public required string Qualification { get; init; }

    /// <summary>Where the RPM/TPM figures come from (an assumption where they are inferred).</summary>
    public required Source Source { get; init; }

    /// <summary>Where the monthly usage limit and qualification come from.</summary>
    public required Source UsageLimitSource { get; init; }

    /// <summary>"Tier 1", "Build" or "Free".</summary>
    public string DisplayName => Tier.DisplayName;
}
