namespace Planner.Contract.Results;

/// <summary>One model's usage tiers in a <see cref="LimitsResult"/>.</summary>
public sealed record LimitsModel
{
    public required string Model { get; init; }

    /// <summary>The day whose tier scheme is listed (today: the tiers <c>capacity --tier</c> accepts).</summary>
    public required DateOnly TiersOn { get; init; }

    public required IReadOnlyList<LimitsTier> Tiers { get; init; }
}
