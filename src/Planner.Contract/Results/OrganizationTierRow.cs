using System.Text.Json.Serialization;
using Planner.Core.Units;

namespace Planner.Contract.Results;

/// <summary>The tier the organization needs in a month (every model's peak and the whole spend).</summary>
public sealed record OrganizationTierRow
{
    /// <summary>The tier; null (written as null) when none suffices.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? Tier { get; init; }

    /// <summary>That tier's display name; omitted when none.</summary>
    public string? TierName { get; init; }

    /// <summary>That tier's monthly usage limit; omitted when none.</summary>
    public Usd? MonthlyUsageLimitUsd { get; init; }

    /// <summary>One line naming the choice and why; omitted when there is none.</summary>
    public string? Headline { get; init; }

    public required Usd SpendUsd { get; init; }
}
